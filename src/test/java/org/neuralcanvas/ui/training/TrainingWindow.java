package org.neuralcanvas.ui.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.main.AppContext;
import org.neuralcanvas.ui.main.MainWindow;
import org.neuralcanvas.ui.main.NeuralCanvasApp;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window with the training feature on the bundled datasets and a home folder of its own, as the training
 * TestFX classes open it in their {@code @Start}; its training thread is shut down after each test.
 */
final class TrainingWindow {

    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final Path home;
    final MainWindow window;
    final TrainingFeature feature;
    private final ExecutorService work = Executors.newSingleThreadExecutor();

    TrainingWindow(Path tmp, Stage stage) throws IOException {
        home = Files.createTempDirectory(tmp, "home");
        AppContext ctx = AppContext.of(new UserFiles(home), Runnable::run, dialogs, dialogs);
        feature = new TrainingFeature(new BundledTrainingData(BundledDatasets.standard()), work, Platform::runLater);
        ctx.addFeature(feature);
        window = NeuralCanvasApp.open(ctx, stage);
        window.show();
    }

    TrainingViewModel vm() {
        return feature.viewModel();
    }

    /** Opens a template and shows its Train panel. */
    void loadTemplate(FxRobot robot, String id) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find(id).orElseThrow()));
        robot.clickOn("#tab-train");
    }

    /** Stops a run still going, waits until the dashboard is idle, and ends the training thread. */
    void stopTraining() throws TimeoutException {
        Platform.runLater(() -> vm().stop());
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE);
        shutDown();
    }

    /** Runs a task on the training thread, before whatever Train queues after it. */
    void onTrainingThread(Runnable task) {
        work.execute(task);
    }

    void shutDown() {
        work.shutdown();
    }

    /**
     * Types into a Train-panel field and commits it as Enter does, without a click: after the suite's other windows
     * the field may lie below the fold of the panel's scroll pane, where the robot cannot click it.
     */
    static void type(org.testfx.api.FxRobot robot, String field, String text) {
        javafx.scene.control.TextField f = robot.lookup(field).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
            f.fireEvent(new javafx.event.ActionEvent());
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
