package org.neuralcanvas.ui.training;

import org.neuralcanvas.ui.common.Subscriptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.CallbackSettings.Checkpoint;
import org.neuralcanvas.project.CallbackSettings.EarlyStopping;
import org.neuralcanvas.project.CallbackSettings.ReduceLrOnPlateau;
import org.neuralcanvas.project.OptimizerKind;
import org.neuralcanvas.project.OptimizerParam;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Optimizers;
import org.neuralcanvas.project.SettingRange;
import org.neuralcanvas.project.SettingRanges;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.ValidationPlan;
import org.neuralcanvas.ui.common.I18n;

/**
 * Keras's compile and fit arguments as a form: loss, optimizer and its parameters, metrics,
 * epochs, batch size, validation split, shuffle, seed and the three callbacks. Every change goes
 * to {@link TrainingViewModel#setSettings}; a new project's settings refill the form.
 */
final class SettingsForm extends VBox {

    /** What this view attached to the view model; {@link #dispose} detaches it (the window is being rebuilt). */
    private final Subscriptions subs = new Subscriptions();

    private static final List<String> MONITORS = List.of("val_loss", "loss", "val_accuracy", "accuracy", "val_mae", "mae");

    private final TrainingViewModel vm;
    private final I18n i18n;
    private boolean filling;

    private final ComboBox<String> loss = new ComboBox<>();
    private final ComboBox<String> optimizer = new ComboBox<>();
    /** One field per optimizer argument any optimizer declares (Optimizers), by Keras name; shown per optimizer. */
    private final Map<String, Control> optimizerFields = new LinkedHashMap<>();
    private final List<CheckBox> metrics = new ArrayList<>();
    private final TextField epochs;
    private final TextField batch;
    private final TextField split;
    private final ComboBox<ValidationPlan.Kind> validation = new ComboBox<>();
    private final TextField folds;
    private final Label foldsLabel = keras("K");
    private final CheckBox shuffle = new CheckBox("shuffle");
    private final TextField seed;
    private final CheckBox early = new CheckBox("EarlyStopping");
    private final ComboBox<String> earlyMonitor = new ComboBox<>();
    private final TextField earlyPatience;
    private final CheckBox earlyRestore = new CheckBox("restore_best_weights");
    private final CheckBox reduce = new CheckBox("ReduceLROnPlateau");
    private final ComboBox<String> reduceMonitor = new ComboBox<>();
    private final TextField reduceFactor;
    private final TextField reducePatience;
    private final TextField reduceMin;
    private final CheckBox checkpoint = new CheckBox("ModelCheckpoint");
    private final ComboBox<String> checkpointMonitor = new ComboBox<>();
    private final CheckBox checkpointBest = new CheckBox("save_best_only");
    private final GridPane optimizerGrid = new GridPane();
    private final Map<TextField, SettingRange> ranges = new java.util.HashMap<>();

    SettingsForm(TrainingViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        // Each field checks its setting against the range declared with it (SettingRanges) and says that range's sentence.
        for (OptimizerKind kind : Optimizers.all()) {
            for (OptimizerParam p : kind.params()) {
                optimizerFields.computeIfAbsent(p.name(), name -> optimizerField(p));
            }
        }
        epochs = field("field-epochs", SettingRanges.EPOCHS, v -> set(s -> s.withEpochs((int) v)));
        batch = field("field-batch-size", SettingRanges.BATCH_SIZE, v -> set(s -> s.withBatchSize((int) v)));
        split = field("field-validation-split", SettingRanges.VALIDATION_SPLIT, v -> set(s -> s.withValidationSplit(v)));
        folds = field("field-folds", SettingRanges.FOLDS,
                v -> set(s -> s.withValidation(new ValidationPlan(s.validation().kind(), (int) v))));
        seed = field("field-seed", SettingRanges.SEED, v -> set(s -> s.withSeed((long) v)));
        earlyPatience = field("field-early-patience", SettingRanges.PATIENCE, v -> callbacks());
        reduceFactor = field("field-reduce-factor", SettingRanges.FACTOR, v -> callbacks());
        reducePatience = field("field-reduce-patience", SettingRanges.PATIENCE, v -> callbacks());
        reduceMin = field("field-reduce-min-lr", SettingRanges.MIN_LR, v -> callbacks());

        loss.setId("combo-loss");
        loss.getItems().setAll(TrainingSettings.LOSSES);
        loss.setOnAction(e -> set(s -> s.withLoss(loss.getValue())));
        optimizer.setId("combo-optimizer");
        optimizer.getItems().setAll(OptimizerSettings.NAMES);
        optimizer.setOnAction(e -> {
            if (!filling && optimizer.getValue() != null && !optimizer.getValue().equals(vm.settingsProperty().get().optimizer().name())) {
                // A new optimizer starts from its Keras defaults; the clipping the user chose stays.
                set(s -> s.withOptimizer(OptimizerSettings.defaults(optimizer.getValue())
                        .with("clipnorm", s.optimizer().clipnorm()).with("clipvalue", s.optimizer().clipvalue())));
            }
        });
        FlowPane metricBox = new FlowPane(8, 4);
        for (String m : TrainingSettings.METRICS) {
            CheckBox c = new CheckBox(m);
            c.setMnemonicParsing(false);
            c.setId("metric-" + m);
            c.setOnAction(e -> set(s -> s.withMetrics(metrics.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList())));
            metrics.add(c);
            metricBox.getChildren().add(c);
        }
        validation.setId("combo-validation");
        validation.getItems().setAll(ValidationPlan.Kind.values());
        validation.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ValidationPlan.Kind k) {
                return k == null ? "" : i18n.get("train.validation." + k.word());
            }

            @Override
            public ValidationPlan.Kind fromString(String text) {
                return null; // not editable
            }
        });
        validation.setOnAction(e -> {
            if (validation.getValue() != null) {
                set(s -> s.withValidation(s.validation().withKind(validation.getValue())));
            }
        });
        shuffle.setId("check-shuffle");
        shuffle.setOnAction(e -> set(s -> s.withShuffle(shuffle.isSelected())));
        for (ComboBox<String> c : List.of(earlyMonitor, reduceMonitor, checkpointMonitor)) {
            c.getItems().setAll(MONITORS);
            c.setOnAction(e -> callbacks());
        }
        for (CheckBox c : List.of(early, earlyRestore, reduce, checkpoint, checkpointBest)) {
            c.setOnAction(e -> callbacks());
        }
        // Keras names, not mnemonics: JavaFX would take the _ of restore_best_weights as a shortcut and hide it.
        for (CheckBox c : List.of(shuffle, early, earlyRestore, reduce, checkpoint, checkpointBest)) {
            c.setMnemonicParsing(false);
        }
        early.setId("check-early-stopping");
        reduce.setId("check-reduce-lr");
        checkpoint.setId("check-checkpoint");

        GridPane compile = grid();
        row(compile, 0, "loss", loss);
        row(compile, 1, "optimizer", optimizer);
        optimizerGrid.setHgap(6);
        optimizerGrid.setVgap(4);
        compile.add(optimizerGrid, 0, 2, 2, 1);
        row(compile, 3, "metrics", metricBox);
        GridPane fit = grid();
        row(fit, 0, "epochs", epochs);
        row(fit, 1, "batch_size", batch);
        row(fit, 2, "validation", validation);
        row(fit, 3, "validation_split", split);
        fit.add(foldsLabel, 0, 4);
        fit.add(folds, 1, 4);
        row(fit, 5, "seed", seed);
        fit.add(shuffle, 1, 6);
        GridPane cb = grid();
        cb.add(early, 0, 0, 2, 1);
        row(cb, 1, "monitor", earlyMonitor);
        row(cb, 2, "patience", earlyPatience);
        cb.add(earlyRestore, 1, 3);
        cb.add(reduce, 0, 4, 2, 1);
        row(cb, 5, "monitor", reduceMonitor);
        row(cb, 6, "factor", reduceFactor);
        row(cb, 7, "patience", reducePatience);
        row(cb, 8, "min_lr", reduceMin);
        cb.add(checkpoint, 0, 9, 2, 1);
        row(cb, 10, "monitor", checkpointMonitor);
        cb.add(checkpointBest, 1, 11);
        TitledPane callbacksPane = section("train.section.callbacks", cb);
        callbacksPane.setExpanded(false);
        getChildren().addAll(section("train.section.compile", compile), section("train.section.fit", fit), callbacksPane);
        setSpacing(4);
        fill(vm.settingsProperty().get());
        subs.onChange(vm.settingsProperty(), (o, a, s) -> fill(s));
    }

    private TitledPane section(String key, Node content) {
        TitledPane p = new TitledPane(i18n.get(key), content);
        // Its title may be cut rather than widen a narrow panel ("Compile (loss, optimizer, metrics)" at 1024 px).
        p.setMinWidth(0);
        p.setAnimated(false);
        return p;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.setPadding(new Insets(4));
        return g;
    }

    private static void row(GridPane g, int r, String label, Node control) {
        g.add(keras(label), 0, r);
        g.add(control, 1, r);
    }

    private static Label keras(String name) {
        Label l = new Label(name);
        l.getStyleClass().add("keras-name");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void set(UnaryOperator<TrainingSettings> change) {
        if (!filling) {
            vm.setSettings(change.apply(vm.settingsProperty().get()));
        }
    }

    private void opt(UnaryOperator<OptimizerSettings> change) {
        set(s -> s.withOptimizer(change.apply(s.optimizer())));
    }

    /** A number field for a setting; its problem (or none) goes to the view model, which keeps Train disabled meanwhile. */
    private TextField field(String id, SettingRange range, java.util.function.DoubleConsumer commit) {
        TextField f = FormFields.number(id, range, commit, problem -> vm.setFieldProblem(id, problem));
        ranges.put(f, range);
        return f;
    }

    /** Shows a setting's value and whether it is allowed: a hand-edited file's batch_size of 0 shows red at once. */
    private void show(TextField f, double v) {
        if (!FormFields.show(f, v)) {
            return; // the user is typing there: the field keeps their text and what was said about it
        }
        String problem = ranges.get(f).problem(v);
        FormFields.mark(f, problem);
        vm.setFieldProblem(f.getId(), problem);
    }

    /** A number field checked against the argument's declared range, or a check box for a switch. */
    private Control optimizerField(OptimizerParam p) {
        if (p.isFlag()) {
            CheckBox box = new CheckBox(p.name());
            box.setMnemonicParsing(false);
            box.setId("check-" + p.name().replace('_', '-'));
            box.setOnAction(e -> opt(o -> o.with(p.name(), box.isSelected())));
            return box;
        }
        return field("field-" + p.name().replace('_', '-'), p.range(), v -> opt(o -> o.with(p.name(), v)));
    }

    private void callbacks() {
        if (filling || java.util.stream.Stream.of(earlyPatience, reduceFactor, reducePatience, reduceMin)
                .anyMatch(FormFields::refused)) {
            return; // a refused callback value is never taken along with another callback field's change
        }
        try {
            CallbackSettings c = new CallbackSettings(
                    new EarlyStopping(early.isSelected(), earlyMonitor.getValue(), (int) Double.parseDouble(earlyPatience.getText()),
                            earlyRestore.isSelected()),
                    new ReduceLrOnPlateau(reduce.isSelected(), reduceMonitor.getValue(), Double.parseDouble(reduceFactor.getText()),
                            (int) Double.parseDouble(reducePatience.getText()), Double.parseDouble(reduceMin.getText())),
                    new Checkpoint(checkpoint.isSelected(), checkpointMonitor.getValue(), checkpointBest.isSelected()));
            set(s -> s.withCallbacks(c));
        } catch (NumberFormatException e) {
            // The field shows its own refusal; the settings keep their last good value.
        }
    }

    /** Shows settings (a new project's, or after an edit). */
    private void fill(TrainingSettings s) {
        filling = true;
        try {
            loss.setValue(s.loss());
            OptimizerSettings o = s.optimizer();
            optimizer.setValue(o.name());
            List<String> own = o.kind().params().stream().map(OptimizerParam::name).toList();
            optimizerFields.forEach((name, field) -> {
                if (field instanceof TextField t && !own.contains(name)) {
                    // The other optimizers' arguments are hidden and not checked.
                    FormFields.mark(t, null);
                    vm.setFieldProblem(t.getId(), null);
                }
            });
            for (OptimizerParam p : o.kind().params()) {
                Control field = optimizerFields.get(p.name());
                if (field instanceof CheckBox box) {
                    box.setSelected(Boolean.TRUE.equals(o.value(p.name())));
                } else {
                    show((TextField) field, ((Number) o.value(p.name())).doubleValue());
                }
            }
            showOptimizerParams(o.name());
            metrics.forEach(c -> c.setSelected(s.metrics().contains(c.getText())));
            show(epochs, s.epochs());
            show(batch, s.batchSize());
            show(split, s.validationSplit());
            ValidationPlan plan = s.validation();
            validation.setValue(plan.kind());
            show(folds, plan.folds());
            // validation_split only means something for the split; K is asked for only with K-fold.
            split.setDisable(plan.kind() != ValidationPlan.Kind.SPLIT);
            for (Node n : List.of(folds, foldsLabel)) {
                n.setVisible(plan.isKFold());
                n.setManaged(plan.isKFold());
            }
            if (!plan.isKFold()) {
                FormFields.mark(folds, null);
                vm.setFieldProblem(folds.getId(), null);
            }
            show(seed, s.seed());
            shuffle.setSelected(s.shuffle());
            CallbackSettings c = s.callbacks();
            early.setSelected(c.earlyStopping().enabled());
            earlyMonitor.setValue(c.earlyStopping().monitor());
            show(earlyPatience, c.earlyStopping().patience());
            earlyRestore.setSelected(c.earlyStopping().restoreBestWeights());
            reduce.setSelected(c.reduceLrOnPlateau().enabled());
            reduceMonitor.setValue(c.reduceLrOnPlateau().monitor());
            show(reduceFactor, c.reduceLrOnPlateau().factor());
            show(reducePatience, c.reduceLrOnPlateau().patience());
            show(reduceMin, c.reduceLrOnPlateau().minLr());
            checkpoint.setSelected(c.checkpoint().enabled());
            checkpointMonitor.setValue(c.checkpoint().monitor());
            checkpointBest.setSelected(c.checkpoint().saveBestOnly());
        } finally {
            filling = false;
        }
    }

    /** Only the arguments the chosen optimizer declares, in Keras's order. */
    private void showOptimizerParams(String name) {
        optimizerGrid.getChildren().clear();
        List<OptimizerParam> params = Optimizers.find(name).map(OptimizerKind::params).orElse(List.of());
        for (int i = 0; i < params.size(); i++) {
            OptimizerParam p = params.get(i);
            row(optimizerGrid, i, p.isFlag() ? "" : p.name(), optimizerFields.get(p.name()));
        }
    }

    void dispose() {
        subs.close();
    }
}
