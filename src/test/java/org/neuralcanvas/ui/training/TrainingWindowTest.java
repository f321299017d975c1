package org.neuralcanvas.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;

/** A TestFX class on the main window with the training feature ({@link TrainingWindow}), stopped after each test. */
@ExtendWith(ApplicationExtension.class)
abstract class TrainingWindowTest {

    @TempDir
    static Path tmp;

    protected TrainingWindow app;

    /**
     * As a {@code @Start} method would (TestFX looks for those on the test class itself, not on a superclass): the
     * window on the primary stage the extension has just registered.
     */
    @BeforeEach
    void openWindow() throws TimeoutException {
        FxToolkit.setupStage(stage -> {
            try {
                app = new TrainingWindow(tmp, stage);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void stopTraining() throws TimeoutException {
        app.stopTraining();
    }

    /** Presses Train and waits until the project has {@code runs} runs, the last one tested, and the window is idle. */
    protected void trainAndWait(FxRobot robot, int runs) throws TimeoutException {
        robot.interact(() -> app.vm().train());
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.IDLE && app.vm().runs().size() == runs
                && app.vm().runs().get(runs - 1).results() != null);
    }
}
