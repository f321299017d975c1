package org.neuralcanvas.ui.training;

import org.neuralcanvas.ui.common.Subscriptions;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.prep.LabelEncoding;
import org.neuralcanvas.dataset.prep.PreprocessingOptions;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.data.DatasetFit;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.ui.common.I18n;

/**
 * The Train panel: the dataset (description, shapes, preprocessing, whether it fits the graph,
 * with a one-click fix of the Input shape), then Keras's compile and fit settings
 * ({@link SettingsForm}) and the Train button.
 */
public final class TrainPanel extends ScrollPane {

    /** What this view attached to the view model; {@link #dispose} detaches it (the window is being rebuilt). */
    private final Subscriptions subs = new Subscriptions();

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final ComboBox<DatasetDescriptor> dataset = new ComboBox<>();
    private final ComboBox<FeatureLayout> layout = new ComboBox<>();
    /** Keras's fit(x, x): each example's target is its input (an autoencoder). */
    private final CheckBox targetInputs = new CheckBox();
    private final Label description = new Label();
    private final Label shapes = new Label();
    private final Label preprocessing = new Label();
    private final Label fitText = new Label();
    private final Button fixInput = new Button();
    private boolean filling;

    public TrainPanel(TrainingViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("train-panel");
        setFitToWidth(true);
        dataset.setId("combo-dataset");
        dataset.getItems().setAll(vm.data().all());
        dataset.setMaxWidth(Double.MAX_VALUE);
        dataset.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetDescriptor d) {
                return d == null ? "" : d.displayName();
            }

            @Override
            public DatasetDescriptor fromString(String s) {
                return null;
            }
        });
        dataset.setOnAction(e -> {
            if (!filling && dataset.getValue() != null) {
                vm.chooseDataset(dataset.getValue().id());
            }
        });
        layout.setId("combo-layout");
        layout.setConverter(new StringConverter<>() {
            @Override
            public String toString(FeatureLayout l) {
                return l == null ? "" : l.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public FeatureLayout fromString(String s) {
                return null;
            }
        });
        layout.setOnAction(e -> {
            if (!filling && layout.getValue() != null) {
                Map<String, String> options = new HashMap<>(vm.datasetProperty().get().options());
                options.put("layout", layout.getValue().name().toLowerCase(Locale.ROOT));
                vm.setDataset(new DatasetChoice(vm.datasetProperty().get().datasetId(), options));
            }
        });
        targetInputs.setId("check-target-inputs");
        targetInputs.setText(i18n.get("train.targetInputs"));
        targetInputs.setWrapText(true);
        targetInputs.setOnAction(e -> {
            if (!filling) {
                Map<String, String> options = new HashMap<>(vm.datasetProperty().get().options());
                if (targetInputs.isSelected()) {
                    options.put("target", "inputs");
                } else {
                    options.remove("target");
                }
                vm.setDataset(new DatasetChoice(vm.datasetProperty().get().datasetId(), options));
            }
        });
        for (Label l : new Label[] {description, shapes, preprocessing, fitText}) {
            l.setWrapText(true);
        }
        description.setId("dataset-description");
        shapes.setId("dataset-shapes");
        preprocessing.setId("dataset-preprocessing");
        fitText.setId("dataset-fit");
        fixInput.setId("button-fix-input");
        fixInput.setWrapText(true);
        fixInput.setOnAction(e -> vm.fixInputShape());
        Button train = new Button(i18n.get("dashboard.train"));
        train.setId("panel-train");
        train.setMaxWidth(Double.MAX_VALUE);
        train.getStyleClass().add("train-button");
        train.setOnAction(e -> vm.train());
        // Disabled while a field shows a refused value or a setting cannot train; the sentences say why, under the button.
        subs.bind(train.disableProperty(), Bindings.createBooleanBinding(() -> vm.phaseProperty().get().isActive()
                || !vm.trainProblemsProperty().get().isEmpty(), vm.phaseProperty(), vm.trainProblemsProperty()));
        Label trainProblems = new Label();
        trainProblems.setId("train-problems");
        trainProblems.setWrapText(true);
        trainProblems.getStyleClass().add("problem-text");
        subs.bind(trainProblems.textProperty(), Bindings.createStringBinding(
                () -> String.join("\n", vm.trainProblemsProperty().get()), vm.trainProblemsProperty()));
        trainProblems.visibleProperty().bind(trainProblems.textProperty().isNotEmpty());
        trainProblems.managedProperty().bind(trainProblems.visibleProperty());

        Button estimate = new Button(i18n.get("cost.button"));
        estimate.setId("button-estimate");
        estimate.setMaxWidth(Double.MAX_VALUE);
        estimate.setOnAction(e -> vm.estimateCost());
        subs.bind(estimate.disableProperty(), Bindings.createBooleanBinding(() -> vm.estimatingProperty().get()
                || vm.phaseProperty().get() != RunPhase.IDLE, vm.estimatingProperty(), vm.phaseProperty()));
        Label cost = new Label();
        cost.setId("train-cost");
        cost.setWrapText(true);
        subs.bind(cost.textProperty(), vm.costTextProperty());
        subs.bind(cost.styleProperty(), Bindings.createStringBinding(() -> vm.costWarningProperty().get()
                ? "-fx-text-fill: #b00020;" : "", vm.costWarningProperty()));
        cost.visibleProperty().bind(cost.textProperty().isNotEmpty());
        cost.managedProperty().bind(cost.visibleProperty());
        VBox data = new VBox(4, dataset, ownButtons(), description, shapes, ownData, new Label(i18n.get("train.layout")),
                layout, targetInputs, preprocessing, fitText, fixInput);
        data.setPadding(new Insets(4));
        TitledPane dataPane = new TitledPane(i18n.get("train.section.dataset"), data);
        dataPane.setAnimated(false);
        SettingsForm settings = new SettingsForm(vm, i18n);
        subs.onClose(settings::dispose);
        SearchForm search = new SearchForm(vm, i18n, subs);
        VBox content = new VBox(6, train, trainProblems, estimate, cost, dataPane, settings, search);
        content.setPadding(new Insets(6));
        setContent(content);

        subs.onChange(vm.datasetProperty(), (o, a, b) -> refresh());
        subs.onChange(vm.fitProperty(), (o, a, b) -> refresh());
        subs.onChange(vm.settingsProperty(), (o, a, b) -> refresh());
        refresh();
    }

    // ---- own data: a CSV table or an image folder ----------------------------------------------------

    private final javafx.scene.layout.GridPane ownData = new javafx.scene.layout.GridPane();
    private final ComboBox<String> ownTarget = new ComboBox<>();
    private final ComboBox<org.neuralcanvas.dataset.own.OwnDataSpec.Task> ownTask = new ComboBox<>();
    private final javafx.scene.control.TextField ownSize = new javafx.scene.control.TextField();
    private final javafx.scene.control.CheckBox ownRgb = new javafx.scene.control.CheckBox();

    /** "Add CSV table…" and "Add image folder…", and the own data's target/task or size/colour under them. */
    private javafx.scene.layout.HBox ownButtons() {
        Button csv = new Button(i18n.get("own.addCsv"));
        csv.setId("button-own-csv");
        csv.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(i18n.get("own.chooseCsv"));
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
            java.io.File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.addOwnData(org.neuralcanvas.dataset.own.OwnDataSpec.csv(f.toPath()));
            }
        });
        Button images = new Button(i18n.get("own.addImages"));
        images.setId("button-own-images");
        images.setOnAction(e -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(i18n.get("own.chooseFolder"));
            java.io.File f = chooser.showDialog(getScene().getWindow());
            if (f != null) {
                vm.addOwnData(org.neuralcanvas.dataset.own.OwnDataSpec.images(f.toPath()));
            }
        });
        for (Button b : new Button[] {csv, images}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            subs.bind(b.disableProperty(), Bindings.createBooleanBinding(() -> vm.phaseProperty().get() != RunPhase.IDLE,
                    vm.phaseProperty()));
        }
        ownTarget.setId("combo-own-target");
        ownTarget.setOnAction(e -> {
            if (!filling && ownTarget.getValue() != null) {
                vm.changeOwnData(spec -> spec.withTarget(ownTarget.getValue(), spec.task()));
            }
        });
        ownTask.setId("combo-own-task");
        ownTask.getItems().setAll(org.neuralcanvas.dataset.own.OwnDataSpec.Task.values());
        ownTask.setConverter(new StringConverter<>() {
            @Override
            public String toString(org.neuralcanvas.dataset.own.OwnDataSpec.Task t) {
                return t == null ? "" : i18n.get("own.task." + t.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public org.neuralcanvas.dataset.own.OwnDataSpec.Task fromString(String s) {
                return null;
            }
        });
        ownTask.setOnAction(e -> {
            if (!filling && ownTask.getValue() != null) {
                vm.changeOwnData(spec -> spec.withTarget(spec.target(), ownTask.getValue()));
            }
        });
        ownSize.setId("field-own-size");
        ownSize.setPrefColumnCount(4);
        ownSize.setOnAction(e -> {
            try {
                int n = Integer.parseInt(ownSize.getText().trim());
                if (n >= 4 && n <= 256) {
                    vm.changeOwnData(spec -> spec.withImages(n, n, spec.rgb()));
                    return;
                }
            } catch (NumberFormatException ignored) {
                // said below
            }
            vm.say(i18n.get("own.size") + ": 4 … 256", true);
        });
        ownRgb.setId("check-own-rgb");
        ownRgb.setText(i18n.get("own.rgb"));
        ownRgb.setOnAction(e -> {
            if (!filling) {
                vm.changeOwnData(spec -> spec.withImages(spec.height(), spec.width(), ownRgb.isSelected()));
            }
        });
        ownData.setHgap(6);
        ownData.setVgap(4);
        ownData.setId("own-data-options");
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(6, 4, csv, images);
        row.setPrefWrapLength(200); // FlowPane asks for 400 px by default, more than the panel is wide
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(row);
        javafx.scene.layout.HBox.setHgrow(row, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** Shows the own data's options: a table's target and task, or a folder's picture size and colour. */
    private void showOwnOptions() {
        ownData.getChildren().clear();
        var spec = org.neuralcanvas.engine.data.OwnDataChoices.spec(vm.datasetProperty().get());
        boolean shown = spec.isPresent();
        ownData.setVisible(shown);
        ownData.setManaged(shown);
        if (!shown) {
            return;
        }
        if (spec.get().kind() == org.neuralcanvas.dataset.own.OwnDataSpec.Kind.CSV) {
            ownTarget.getItems().setAll(vm.data().ownDataset(vm.datasetProperty().get())
                    .map(org.neuralcanvas.dataset.own.OwnDataset::columns).orElse(java.util.List.of()));
            // No target named yet: the table's last column is the one it learns (as the import takes it).
            ownTarget.setValue(spec.get().target().isEmpty()
                    ? ownTarget.getItems().isEmpty() ? null : ownTarget.getItems().get(ownTarget.getItems().size() - 1)
                    : spec.get().target());
            ownTask.setValue(spec.get().task());
            ownData.addRow(0, new Label(i18n.get("own.target")), ownTarget);
            ownData.addRow(1, new Label(i18n.get("own.task")), ownTask);
            var held = spec.get().heldOut();
            Label heldName = new Label(held == null ? i18n.get("own.heldOut.none") : held.name());
            heldName.setId("own-held-out");
            Button choose = new Button(i18n.get("own.heldOut.choose"));
            choose.setId("button-own-held-out");
            choose.setOnAction(e -> {
                javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                chooser.setTitle(i18n.get("own.heldOut.title"));
                chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
                java.io.File f = chooser.showOpenDialog(getScene().getWindow());
                if (f != null) {
                    vm.useHeldOutTable(f.toPath());
                }
            });
            Button clear = new Button("×");
            clear.setId("button-own-held-out-clear");
            clear.setVisible(held != null);
            clear.setOnAction(e -> vm.changeOwnData(x -> x.withHeldOut(null)));
            ownData.addRow(2, new Label(i18n.get("own.heldOut")), new javafx.scene.layout.HBox(4, heldName, choose, clear));
        } else {
            ownSize.setText(Integer.toString(spec.get().height()));
            ownRgb.setSelected(spec.get().rgb());
            ownData.addRow(0, new Label(i18n.get("own.size")), ownSize);
            ownData.add(ownRgb, 1, 1);
        }
    }

    private void refresh() {
        filling = true;
        try {
            showOwnOptions();
            BundledTrainingData data = vm.data();
            DatasetDescriptor d = data.descriptor(vm.datasetProperty().get()).orElse(null);
            dataset.setValue(d);
            layout.getItems().setAll(d == null ? java.util.List.of() : d.layouts().keySet());
            layout.setDisable(d == null || d.layouts().size() < 2);
            targetInputs.setDisable(d == null || d.isText());
            if (d == null) {
                description.setText(i18n.get("train.noDataset"));
                shapes.setText("");
                preprocessing.setText("");
            } else {
                PreprocessingOptions o = data.options(d, vm.datasetProperty().get(), vm.settingsProperty().get());
                layout.setValue(o.layout());
                targetInputs.setSelected(o.labels() == LabelEncoding.INPUTS);
                // Readiness (SHA-256 of the files) is not checked here: it reads the disk. Preparing says when it is missing.
                description.setText(d.description());
                String out = o.labels() == LabelEncoding.INPUTS ? i18n.get("train.inputs")
                        : d.task() == org.neuralcanvas.dataset.TaskKind.REGRESSION ? i18n.get("train.regression")
                        : i18n.format("train.classes", d.numClasses());
                shapes.setText(i18n.format("train.shapes", BundledTrainingData.inputShape(d, o), out,
                        d.trainCount(), d.testCount()));
                preprocessing.setText(describe(d, o));
            }
            DatasetFit fit = vm.fitProperty().get();
            boolean fits = fit != null && fit.fits();
            fitText.setText(fit == null ? "" : fits ? "✔ " + i18n.get("train.fits") : "✖ " + String.join(" ", fit.problems()));
            fitText.setStyle(fits ? "-fx-text-fill: #2e7d32;" : "-fx-text-fill: #b00020;");
            boolean canFix = fit != null && fit.canFixInput();
            fixInput.setVisible(canFix);
            fixInput.setManaged(canFix);
            if (canFix) {
                fixInput.setText(i18n.format("train.fixInput", fit.suggestedInputShape()));
            }
        } finally {
            filling = false;
        }
    }

    private String describe(DatasetDescriptor d, PreprocessingOptions o) {
        StringBuilder sb = new StringBuilder(i18n.get("train.preprocessing")).append(' ');
        sb.append(o.layout().name().toLowerCase(Locale.ROOT));
        if (d.pixelMax() > 0 && o.scalePixels()) {
            sb.append(" · ").append(i18n.format("train.prep.scale", (int) d.pixelMax()));
        }
        if (o.standardise()) {
            sb.append(" · ").append(i18n.get("train.prep.standardise"));
        }
        if (o.labels() == LabelEncoding.INPUTS) {
            sb.append(" · ").append(i18n.get("train.prep.inputs"));
        } else if (d.task() != org.neuralcanvas.dataset.TaskKind.REGRESSION) {
            sb.append(" · ").append(i18n.get(o.labels() == LabelEncoding.ONE_HOT ? "train.prep.oneHot" : "train.prep.integer"));
        }
        if (d.isText()) {
            sb.append(" · num_words=").append(o.vocabularySize());
            if (o.layout() == FeatureLayout.TOKEN_INDICES) {
                sb.append(" · maxlen=").append(o.sequenceLength());
            }
        }
        org.neuralcanvas.project.TrainingSettings s = vm.settingsProperty().get();
        switch (s.validation().kind()) {
            case SPLIT -> {
                if (s.validationSplit() > 0) {
                    sb.append(" · ").append(i18n.format("train.prep.validation", Math.round(s.validationSplit() * 100)));
                }
            }
            case TEST_SET -> {
                var held = org.neuralcanvas.engine.data.OwnDataChoices.spec(vm.datasetProperty().get())
                        .map(org.neuralcanvas.dataset.own.OwnDataSpec::heldOut).orElse(null);
                sb.append(" · ").append(held == null ? i18n.get("train.prep.validationTest")
                        : i18n.format("train.prep.validationHeldOut", held.name()));
            }
            case K_FOLD -> sb.append(" · ").append(i18n.format("train.prep.validationFolds", s.validation().folds()));
        }
        return sb.toString();
    }

    /** Detaches the panel from the view model (the window is being rebuilt). */
    public void dispose() {
        subs.close();
    }
}
