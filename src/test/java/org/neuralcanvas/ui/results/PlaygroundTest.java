package org.neuralcanvas.ui.results;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.main.AppContext;
import org.neuralcanvas.ui.main.MainWindow;
import org.neuralcanvas.ui.main.NeuralCanvasApp;
import org.neuralcanvas.ui.training.RunPhase;
import org.neuralcanvas.ui.training.TrainingFeature;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The playground: a stroke drawn on the pad after an MNIST run changes the model's class probabilities. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundTest {

    @TempDir
    static Path tmp;

    private final ExecutorService work = Executors.newSingleThreadExecutor();
    private TrainingFeature feature;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        AppContext ctx = AppContext.of(new UserFiles(Files.createTempDirectory(tmp, "home")), Runnable::run, dialogs, dialogs);
        feature = new TrainingFeature(new BundledTrainingData(BundledDatasets.standard()), work, Platform::runLater);
        ctx.addFeature(feature);
        window = NeuralCanvasApp.open(ctx, stage);
        window.show();
    }

    @AfterEach
    void stop() {
        work.shutdown();
    }

    @Test
    void aStrokeOnThePadChangesTheProbabilities(FxRobot robot) throws Exception {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        robot.interact(() -> feature.viewModel().setSettings(feature.viewModel().settingsProperty().get().withEpochs(1)));
        robot.interact(() -> feature.viewModel().train());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> feature.viewModel().phaseProperty().get() == RunPhase.IDLE
                && feature.viewModel().results().predictionsProperty().get() != null);
        robot.clickOn("#tab-results");
        robot.clickOn("#tab-playground");
        PlaygroundView playground = feature.results().playground();
        Canvas pad = robot.lookup("#playground-pad").queryAs(Canvas.class);
        assertFalse(pad.isDisabled(), "an MNIST model can be drawn for");

        // A vertical stroke down the middle: a "1".
        Point2D top = pad.localToScreen(112, 40);
        robot.moveTo(top).press(MouseButton.PRIMARY).moveBy(0, 60).moveBy(0, 60).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> playground.probabilities() != null);
        WaitForAsyncUtils.waitForFxEvents();
        float[] first = playground.probabilities();
        assertNotNull(first);
        assertTrue(Math.abs(sum(first) - 1) < 1e-3, "softmax probabilities: " + Arrays.toString(first));

        // A horizontal bar across the top: a "7" now.
        Point2D left = pad.localToScreen(50, 40);
        robot.moveTo(left).press(MouseButton.PRIMARY).moveBy(60, 0).moveBy(60, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Arrays.equals(first, playground.probabilities()));
    }

    @Test
    void aTypedReviewGetsTheImdbModelsProbabilitiesAndAnotherSentenceOthers(FxRobot robot) throws Exception {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("imdb").orElseThrow()));
        robot.interact(() -> feature.viewModel().setSettings(feature.viewModel().settingsProperty().get().withEpochs(1)));
        robot.interact(() -> feature.viewModel().train());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> feature.viewModel().phaseProperty().get() == RunPhase.IDLE
                && feature.viewModel().results().predictionsProperty().get() != null);
        robot.clickOn("#tab-results");
        robot.clickOn("#tab-playground");
        PlaygroundView playground = feature.results().playground();
        javafx.scene.control.TextArea text = robot.lookup("#playground-text").queryAs(javafx.scene.control.TextArea.class);
        assertTrue(text.isVisible(), "a text model is typed for, not drawn for");
        robot.interact(() -> text.setText("this film was wonderful the best acting i have seen a great story"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> playground.probabilities() != null);
        WaitForAsyncUtils.waitForFxEvents();
        float[] good = playground.probabilities();
        assertTrue(good.length == 2 && Math.abs(sum(good) - 1) < 1e-4, "negative and positive: " + Arrays.toString(good));
        robot.interact(() -> text.setText("this film was awful boring and the worst waste of time"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Arrays.equals(good, playground.probabilities()));
        assertTrue(playground.probabilities()[1] < good[1], "the bad review is less positive: "
                + Arrays.toString(playground.probabilities()) + " against " + Arrays.toString(good));
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
