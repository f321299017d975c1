package org.neuralcanvas.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.common.UserFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An inspector field says why a value is refused right under itself, and Esc puts the model's value back. */
@ExtendWith(ApplicationExtension.class)
class InspectorFieldTest {

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
        window.fileActions().newFromTemplate(ctx.templates().find("mnist_mlp").orElseThrow());
    }

    private LayerNode dense() {
        return window.viewModel().document().graph().findByName("dense").orElseThrow();
    }

    private TextField units(FxRobot robot) {
        robot.clickOn(window.canvas().nodeView(dense().id()));
        return robot.lookup("#param-units").queryAs(TextField.class);
    }

    private void type(FxRobot robot, TextField field, String text) {
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    @Test
    void aRefusedValueIsExplainedUnderItsFieldAndEscPutsTheModelsValueBack(FxRobot robot) {
        TextField field = units(robot);
        type(robot, field, "0");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup("#param-units-problem").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertEquals("units must be at least 1; it is 0.", problem.getText());
        Bounds f = field.localToScene(field.getBoundsInLocal());
        Bounds p = problem.localToScene(problem.getBoundsInLocal());
        assertTrue(p.getMinY() >= f.getMaxY() - 1 && p.getMinY() - f.getMaxY() < 20, "right under the field: " + f + " " + p);

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("512", field.getText());
        assertFalse(problem.isVisible(), "the sentence goes with the refused value");
        assertEquals(512, dense().params().getInt("units"));
    }

    @Test
    void escRevertsATypedValueThatWasNeverCommitted(FxRobot robot) {
        TextField field = units(robot);
        type(robot, field, "77");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("512", field.getText());

        robot.clickOn(window.canvas().nodeView(dense().id())); // focus leaves the field: nothing to commit
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(512, dense().params().getInt("units"));
        assertFalse(window.viewModel().canUndoProperty().get() && window.viewModel().undoDescriptionProperty().get()
                .contains("units"), "no edit was made");
    }
}
