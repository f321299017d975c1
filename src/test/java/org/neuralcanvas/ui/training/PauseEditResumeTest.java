package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.project.RunRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Pause, change a setting in the Train panel, resume: the run goes on with it, from where it paused. */
@Tag("slow") // real training from the window
@ExtendWith(ApplicationExtension.class)
class PauseEditResumeTest {

    @TempDir
    static Path tmp;

    private TrainingWindow app;

    @Start
    void start(Stage stage) throws IOException {
        app = new TrainingWindow(tmp, stage);
    }

    @AfterEach
    void stopTraining() throws TimeoutException {
        app.stopTraining();
    }

    private TrainingViewModel vm() {
        return app.vm();
    }

    private static void type(FxRobot robot, String field, String text) {
        TrainingWindow.type(robot, field, text);
    }

    /** The learning rate the running network's optimizer has in each of its weighted layers (all the same here). */
    private double optimizerLearningRate() {
        ComputationGraph net = vm().currentRun().session().model().network();
        double rate = Double.NaN;
        for (var layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                double r = net.getLearningRate(layer.conf().getLayer().getLayerName());
                assertTrue(Double.isNaN(rate) || rate == r, "one rate for every layer");
                rate = r;
            }
        }
        return rate;
    }

    @Test
    void aLearningRateChangedWhilePausedIsTheOptimizersAfterResumeAndTheRunHasTwoSegments(FxRobot robot)
            throws Exception {
        app.loadTemplate(robot, "keras_quickstart");
        type(robot, "#field-epochs", "500");
        robot.clickOn("#panel-train");
        TrainingWindow.waitUntil(() -> vm().phaseProperty().get() == RunPhase.RUNNING && vm().curves().epochPoints() >= 1);
        robot.clickOn("#button-pause");
        TrainingWindow.waitUntil(() -> vm().phaseProperty().get() == RunPhase.PAUSED);
        assertEquals(0.001, optimizerLearningRate(), 1e-12, "RMSprop's default, as compiled");
        int pausedAfter = vm().runHistory().size(); // the epochs finished before the pause

        type(robot, "#field-learning-rate", "0.0002");
        assertEquals(0.0002, vm().settingsProperty().get().optimizer().learningRate(), 1e-12, "the panel took it");
        assertEquals(0.001, optimizerLearningRate(), 1e-12, "nothing changes while paused");
        // The data's order: only a new run can change it (set as the seed field does, one undoable step).
        robot.interact(() -> vm().setSettings(vm().settingsProperty().get().withSeed(99)));
        robot.clickOn("#button-pause"); // reads Resume now
        TrainingWindow.waitUntil(() -> vm().progress().log().stream().anyMatch(l -> l.contains("resumed with learning_rate=0.0002")));
        assertEquals(0.0002, optimizerLearningRate(), 1e-12, "the optimizer trains with the new rate after resume");
        String said = "Resumed with the new learning rate, epochs, batch size and callbacks. seed cannot change in the "
                + "middle of a run; the change takes effect when you next press Train.";
        assertEquals(said, vm().statusProperty().get());
        assertEquals(said, robot.lookup("#dashboard-status").queryAs(javafx.scene.control.Label.class).getTooltip()
                .getText(), "a status cut to two lines can be read in full");
        TrainingWindow.waitUntil(() -> vm().runHistory().size() > pausedAfter + 1);
        robot.clickOn("#button-stop");
        TrainingWindow.waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE);

        RunRecord run = app.window.viewModel().document().project().runs().get(0);
        assertEquals(2, run.segments().size(), run.segments().toString());
        assertEquals(0.001, run.segments().get(0).settings().optimizer().learningRate(), 1e-12);
        assertEquals(0.0002, run.segments().get(1).settings().optimizer().learningRate(), 1e-12);
        assertEquals(pausedAfter + 1, run.segments().get(1).fromEpoch(), "from the epoch it paused in");
        assertEquals(0.001, run.history().get(0).get(EpochResult.LEARNING_RATE), 1e-12);
        assertEquals(0.0002, run.history().get(run.history().size() - 1).get(EpochResult.LEARNING_RATE), 1e-12,
                "the learning_rate column says what the epoch trained with");
        assertEquals(0.0002, vm().weights().modelProperty().get().network()
                .getLearningRate(firstWeightedLayer()), 1e-12, "and so does the model the run left");
    }

    private String firstWeightedLayer() {
        ComputationGraph net = vm().weights().modelProperty().get().network();
        for (var layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                return layer.conf().getLayer().getLayerName();
            }
        }
        throw new AssertionError("no weighted layer");
    }
}
