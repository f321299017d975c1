package org.neuralcanvas.ui.training;

import org.neuralcanvas.ui.common.Subscriptions;
import java.util.Arrays;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.neuralcanvas.project.FoldSummary;
import org.neuralcanvas.engine.train.KerasLine;
import org.neuralcanvas.project.SettingRanges;
import org.neuralcanvas.ui.common.I18n;

/**
 * The result row of a K-fold run, above its charts: each fold's score, their mean ± spread, the epoch where the
 * smoothed mean curve is best, and "Train the final model" for an epoch count the user may change (the notes read it
 * off the mean curve). Shown only while the Training tab shows a K-fold run; filled fold by fold as they end.
 */
final class FoldResultsBar extends HBox {

    /** What this view attached to the view model; {@link #dispose} detaches it (the window is being rebuilt). */
    private final Subscriptions subs = new Subscriptions();

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final Label scores = new Label();
    private final Label best = new Label();
    private final TextField epochs;
    private final Button train;
    /** The epochs the last summary suggested: a value the user typed over it is kept while folds come in. */
    private int suggested;

    FoldResultsBar(TrainingViewModel vm, I18n i18n) {
        super(8);
        this.vm = vm;
        this.i18n = i18n;
        setId("fold-results");
        getStyleClass().add("fold-results");
        setAlignment(Pos.CENTER_LEFT);
        scores.setId("fold-scores");
        best.setId("fold-best");
        scores.setMinWidth(0);
        best.setMinWidth(0);
        org.neuralcanvas.ui.common.FullText.onHover(scores);
        org.neuralcanvas.ui.common.FullText.onHover(best);
        epochs = FormFields.number("field-final-epochs", SettingRanges.EPOCHS, v -> { }, problem -> refresh());
        epochs.setPrefColumnCount(4);
        train = new Button(i18n.get("folds.final"));
        train.setId("button-train-final");
        train.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        train.setTooltip(new Tooltip(i18n.get("folds.final.tooltip")));
        train.setOnAction(e -> vm.trainFinalModel((int) Double.parseDouble(epochs.getText().trim())));
        Label forEpochs = new Label(i18n.get("folds.final.epochs"));
        forEpochs.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        epochs.textProperty().addListener((o, a, b) -> refresh());
        // The scores and the suggestion on two lines, giving way to the button and its field on a narrow window.
        javafx.scene.layout.VBox text = new javafx.scene.layout.VBox(2, scores, best);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        epochs.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(text, train, forEpochs, epochs);
        subs.onChange(vm.foldSummaryProperty(), (o, a, s) -> show(s));
        subs.onChange(vm.phaseProperty(), (o, a, p) -> refresh());
        show(vm.foldSummaryProperty().get());
    }

    private void show(FoldSummary s) {
        setVisible(s != null);
        setManaged(s != null);
        if (s == null) {
            return;
        }
        String each = Arrays.stream(s.scores()).mapToObj(KerasLine::format).collect(Collectors.joining(" · "));
        scores.setText(i18n.format("folds.scores", s.key(), each, KerasLine.format(s.meanScore()),
                KerasLine.format(s.spread())));
        int at = s.bestEpoch();
        if (at > 0) {
            best.setText(i18n.format(s.higherIsBetter() ? "folds.best.highest" : "folds.best.lowest", s.key(), at,
                    KerasLine.format(s.meanCurve(s.key())[at - 1])));
            String typed = epochs.getText().trim();
            if (typed.isEmpty() || typed.equals(String.valueOf(suggested))) {
                epochs.setText(String.valueOf(at));
            }
            suggested = at;
        } else {
            best.setText("");
        }
        refresh();
    }

    /** The final model waits for the folds to finish and for an allowed epoch count. */
    private void refresh() {
        train.setDisable(vm.phaseProperty().get().isActive() || FormFields.refused(epochs)
                || !epochs.getText().trim().matches("\\d+"));
    }

    void dispose() {
        subs.close();
    }
}
