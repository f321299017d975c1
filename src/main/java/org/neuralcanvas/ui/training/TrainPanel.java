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

        VBox data = new VBox(4, dataset, description, shapes, new Label(i18n.get("train.layout")), layout, targetInputs,
                preprocessing, fitText, fixInput);
        data.setPadding(new Insets(4));
        TitledPane dataPane = new TitledPane(i18n.get("train.section.dataset"), data);
        dataPane.setAnimated(false);
        SettingsForm settings = new SettingsForm(vm, i18n);
        subs.onClose(settings::dispose);
        VBox content = new VBox(6, train, trainProblems, dataPane, settings);
        content.setPadding(new Insets(6));
        setContent(content);

        subs.onChange(vm.datasetProperty(), (o, a, b) -> refresh());
        subs.onChange(vm.fitProperty(), (o, a, b) -> refresh());
        subs.onChange(vm.settingsProperty(), (o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        filling = true;
        try {
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
            case TEST_SET -> sb.append(" · ").append(i18n.get("train.prep.validationTest"));
            case K_FOLD -> sb.append(" · ").append(i18n.format("train.prep.validationFolds", s.validation().folds()));
        }
        return sb.toString();
    }

    /** Detaches the panel from the view model (the window is being rebuilt). */
    public void dispose() {
        subs.close();
    }
}
