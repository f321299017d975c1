package org.neuralcanvas.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.common.UserFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A new, empty window gives a starting point: the templates as cards, Open and the recent files. */
@ExtendWith(ApplicationExtension.class)
class StartPageTest {

    @TempDir
    static Path tmp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Path home = Files.createTempDirectory(tmp, "home");
        AppContext ctx = AppContext.of(new UserFiles(home), Runnable::run, dialogs, dialogs);
        window = NeuralCanvasApp.open(ctx, stage);
        window.show();
    }

    private boolean startPageShown(FxRobot robot) {
        return robot.lookup("#startPage").tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void anEmptyWindowShowsTheTemplatesAndAClickedCardOpensItsModel(FxRobot robot) {
        assertTrue(startPageShown(robot), "the start page is over the empty canvas");
        assertEquals(window.context().templates().all().size(), robot.lookup(".start-card").queryAll().size());
        assertTrue(robot.lookup("#start-open").tryQuery().isPresent());

        robot.clickOn("#start-mnist_cnn");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(window.viewModel().document().graph().findByName("conv2d").isPresent(), "the MNIST CNN opened");
        assertFalse(startPageShown(robot), "the model replaces the start page");

        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(startPageShown(robot), "a new empty project shows it again");
    }
}
