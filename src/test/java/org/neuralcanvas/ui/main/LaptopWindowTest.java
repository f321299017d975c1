package org.neuralcanvas.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
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

/** The window on a laptop screen (1024×700): the canvas keeps half the width, its tools and the summary stay usable. */
@ExtendWith(ApplicationExtension.class)
class LaptopWindowTest {

    @TempDir
    static Path tmp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainWindow window;
    private Path home;

    @Start
    void start(Stage stage) throws IOException {
        home = Files.createTempDirectory(tmp, "home");
        AppContext ctx = AppContext.of(new UserFiles(home), Runnable::run, dialogs, dialogs);
        window = NeuralCanvasApp.open(ctx, stage);
        window.show();
        window.fileActions().newFromTemplate(ctx.templates().find("mnist_cnn").orElseThrow());
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    private double sceneWidth() {
        return window.stage().getScene().getWidth();
    }

    @Test
    void theCanvasKeepsHalfTheWidthAndAutoLayoutStaysOnTheToolbar(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.canvas().getWidth() >= 0.5 * sceneWidth(),
                "canvas " + window.canvas().getWidth() + " of " + sceneWidth());

        Button layout = robot.lookup("#toolbar-layout").queryAs(Button.class);
        assertNotNull(layout.getScene(), "Auto layout is on the toolbar, not in its overflow menu");
        assertTrue(layout.isVisible());
        Bounds b = layout.localToScene(layout.getBoundsInLocal());
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= sceneWidth(), "Auto layout inside the window: " + b);
        Node delete = robot.lookup("#toolbar-delete").query();
        assertTrue(delete.localToScene(delete.getBoundsInLocal()).getMaxX() <= sceneWidth(), "Delete inside the window");

        robot.clickOn(layout);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.viewModel().canUndoProperty().get(), "the click laid the model out (an undoable move)");
    }

    @Test
    void theSummaryShowsSeveralRowsOfTheMnistCnn(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#summary .table-view").queryAs(TableView.class);
        Bounds view = table.localToScene(table.getBoundsInLocal());
        long shown = robot.lookup("#summary .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.isVisible())
                .filter(r -> {
                    Bounds row = r.localToScene(r.getBoundsInLocal());
                    return row.getMinY() >= view.getMinY() && row.getMaxY() <= view.getMaxY();
                })
                .count();
        assertTrue(shown >= 3, "summary rows fully visible: " + shown);
        TableCell<?, ?> layerCell = robot.lookup("#summary .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> "dense (Dense)".equals(c.getText())).findFirst().orElseThrow();
        assertEquals("dense (Dense)", layerCell.getTooltip().getText(), "a cut cell shows its whole text on hover");
        Node status = robot.lookup("#statusBackend").query();
        assertTrue(status.localToScene(status.getBoundsInLocal()).getMaxY() <= window.stage().getScene().getHeight() + 0.5,
                "the status bar is inside the window");
    }

    @Test
    void aHiddenPaletteGivesTheCanvasItsRoomAndStaysHiddenNextTime(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double before = window.canvas().getWidth();
        robot.clickOn(window.canvas()); // the keys go to the window, as the View menu's accelerator needs
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#palette").tryQuery().map(n -> n.getScene() == null).orElse(true), "palette gone");
        assertTrue(window.canvas().getWidth() > before + 100, before + " -> " + window.canvas().getWidth());
        assertFalse(new UserFiles(home).panelShown(SidePanels.PALETTE));
        assertEquals(true, new UserFiles(home).panelShown(SidePanels.SIDE));
    }
}
