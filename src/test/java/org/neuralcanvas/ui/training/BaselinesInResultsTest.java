package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.baseline.BaselineReport;
import org.neuralcanvas.project.BaselineScores;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.document.Prompts;
import org.testfx.api.FxRobot;

/**
 * Beside every run the Results tab shows what a linear model scores on the same features (least squares for a
 * regressor, the majority class and a logistic regression for a classifier), draws the least-squares predictions in
 * the predicted-vs-true plot, and keeps the scores with the run, so a project opened again shows them.
 */
class BaselinesInResultsTest extends TrainingWindowTest {

    private void trainFor(FxRobot robot, String template, int epochs) throws TimeoutException {
        app.loadTemplate(robot, template);
        TrainingWindow.type(robot, "#field-epochs", String.valueOf(epochs));
        robot.clickOn("#panel-train");
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.IDLE && !app.vm().runs().isEmpty()
                && app.vm().runs().get(0).results() != null);
        robot.clickOn("#tab-results");
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#results-baselines").queryAs(Label.class).getText();
    }

    @Test
    void aRegressorIsShownBesideLeastSquaresAndTheLineIsDrawnInThePlotAndKeptInTheProject(FxRobot robot)
            throws Exception {
        trainFor(robot, "linear_regression", 3);
        // The least-squares figures on synthetic-linear's test split, as NumPy's lstsq gives them (BaselinesTest).
        assertTrue(text(robot).startsWith("Least squares on the same features: test MAE 0.401, MSE 0.240."), text(robot));
        assertTrue(text(robot).contains("the linear model (MAE "), text(robot));

        XYDataset plotted = robot.lookup("#chart-scatter").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset();
        assertEquals(3, plotted.getSeriesCount(), "the network's points, the ideal line and least squares");
        assertEquals("least squares", plotted.getSeriesKey(2));
        assertEquals(100, plotted.getItemCount(2), "one least-squares point per test sample");

        RunRecord run = app.vm().runs().get(0);
        assertEquals(BaselineScores.LEAST_SQUARES, run.results().baselines().get(0).model());
        Path saved = tmp.resolve("linear.ncproj.json");
        app.dialogs.saveAnswer = saved;
        robot.interact(() -> app.window.fileActions().saveAs());
        assertEquals(0.40090926040165153,
                ProjectFile.read(saved).runs().get(0).results().baselines().get(0).scores().get("mae"), 1e-6);

        String shown = text(robot);
        app.loadTemplate(robot, "keras_quickstart");
        assertEquals("", text(robot), "another project shows no baselines");
        app.dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        app.dialogs.openAnswer = saved;
        robot.interact(() -> app.window.fileActions().open());
        TrainingWindow.waitUntil(() -> saved.equals(app.window.viewModel().document().file())
                && !text(robot).isEmpty());
        assertEquals(shown, text(robot), "the stored run shows its baselines again");
    }

    @Test
    void aClassifierIsShownBesideTheMajorityClassAndALogisticRegression(FxRobot robot) throws Exception {
        trainFor(robot, "keras_quickstart", 2);
        BaselineReport b = app.vm().results().baselinesProperty().get();
        double majority = b.scores().get(0).scores().get("accuracy");
        double logistic = b.scores().get(1).scores().get("accuracy");
        assertTrue(logistic > majority, "a linear rule beats always answering one class: " + logistic + " / " + majority);
        assertTrue(text(robot).startsWith(String.format(Locale.ROOT,
                "Majority class: test accuracy %.3f; logistic regression on the same features: %.3f.", majority, logistic)),
                text(robot));
        double net = app.vm().results().reportProperty().get().classification().accuracy();
        assertTrue(text(robot).contains(net > logistic ? "The network beats the linear model"
                : "The network does not beat the linear model"), text(robot));
    }
}
