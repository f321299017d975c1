package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.ValidationPlan;
import org.testfx.api.FxRobot;

/**
 * K-fold in the window, as the Boston-housing chapter does it: the Train panel's validation set to K-fold with K = 4,
 * Train draws each fold's validation curve and their mean, the row above the charts gives each fold's score with
 * the mean ± spread and the epoch to choose, and "Train the final model" trains on all the training data for those
 * epochs and evaluates it on the test set.
 */
class KFoldDashboardTest extends TrainingWindowTest {

    @SuppressWarnings("unchecked")
    @Test
    void bostonWithFourFoldsShowsFourFoldCurvesAndTheirMeanThenTrainsTheFinalModel(FxRobot robot) throws Exception {
        app.loadTemplate(robot, "boston_housing");
        ComboBox<ValidationPlan.Kind> validation = robot.lookup("#combo-validation").queryAs(ComboBox.class);
        robot.interact(() -> validation.getSelectionModel().select(ValidationPlan.Kind.K_FOLD));
        assertEquals(ValidationPlan.kFold(4), app.vm().settingsProperty().get().validation(), "K = 4 unless changed");
        assertTrue(robot.lookup("#field-folds").query().isVisible(), "K is asked for with K-fold");
        assertTrue(robot.lookup("#field-validation-split").query().isDisabled(), "the split does not apply");
        TrainingWindow.type(robot, "#field-epochs", "20");
        assertFalse(robot.lookup("#fold-results").query().isVisible(), "no fold row before a K-fold run");

        robot.interact(() -> app.vm().train());
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.IDLE && !app.vm().runs().isEmpty());

        RunRecord run = app.vm().runs().get(0);
        assertTrue(run.isKFold());
        assertEquals(4, run.folds().size());
        XYSeriesCollection curves = app.vm().curves().metricFolds();
        assertEquals(2 + 4, curves.getSeriesCount(), "the mean, its moving average and four folds");
        assertEquals("mean val_mae", curves.getSeriesKey(0));
        for (int f = 1; f <= 4; f++) {
            XYSeries fold = curves.getSeries(1 + f);
            assertEquals("fold " + f + " val_mae", fold.getKey());
            assertEquals(20, fold.getItemCount(), "every epoch of fold " + f);
        }
        // The black curve is the folds' mean, epoch by epoch.
        XYSeries mean = curves.getSeries(0);
        for (int e = 0; e < 20; e++) {
            double sum = 0;
            for (int f = 0; f < 4; f++) {
                sum += curves.getSeries(2 + f).getY(e).doubleValue();
            }
            assertEquals(sum / 4, mean.getY(e).doubleValue(), 1e-9, "epoch " + (e + 1));
        }
        assertEquals(0, app.vm().curves().metric().getSeries(0).getItemCount(), "no single run's curve is left over");
        assertTrue(app.vm().progress().log().stream().anyMatch(l -> l.startsWith("Fold 4/4 - 20 epochs - ")),
                String.join("\n", app.vm().progress().log()));

        Node row = robot.lookup("#fold-results").query();
        assertTrue(row.isVisible());
        String scores = robot.lookup("#fold-scores").queryAs(Label.class).getText();
        assertTrue(scores.matches("val_mae of each fold: (\\d+\\.\\d{4} · ){3}\\d+\\.\\d{4} — mean \\d+\\.\\d{4} ± \\d+\\.\\d{4}"),
                scores);
        String best = robot.lookup("#fold-best").queryAs(Label.class).getText();
        assertTrue(best.startsWith("The smoothed mean val_mae is lowest at epoch "), best);

        // The final model: all the training data, the chosen epochs, then the test set.
        TrainingWindow.type(robot, "#field-final-epochs", "6");
        Button finalModel = robot.lookup("#button-train-final").queryAs(Button.class);
        assertFalse(finalModel.isDisabled());
        robot.interact(finalModel::fire);
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.IDLE && app.vm().runs().size() == 2
                && app.vm().runs().get(1).results() != null);
        RunRecord last = app.vm().runs().get(1);
        assertFalse(last.isKFold());
        assertEquals(6, last.history().size());
        assertEquals(0.0, last.settings().validationSplit(), "trained on all the training data");
        assertEquals(ValidationPlan.Kind.SPLIT, last.settings().validation().kind());
        assertNotNull(last.results().scores().get("mae"), "evaluated on the test set");
        assertFalse(row.isVisible(), "the fold row belongs to the K-fold run");
    }
}
