package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.ui.ListenerCount;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Switching language keeps what the user had (zoom, tab, title) and leaves nothing of the old views attached. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {

    @TempDir
    static Path tmp;

    private TrainingWindow w;

    @Start
    void start(Stage stage) throws IOException {
        w = new TrainingWindow(tmp, stage);
    }

    @AfterEach
    void shutDown() {
        w.shutDown();
    }

    private int listeners() {
        return ListenerCount.of(w.window.viewModel(), w.vm());
    }

    private void switchTo(FxRobot robot, Locale locale) {
        robot.interact(() -> w.window.switchLanguage(locale));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static SplitPane verticalSplit(FxRobot robot) {
        return robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(p -> p.getOrientation() == javafx.geometry.Orientation.VERTICAL
                        && p.getItems().stream().anyMatch(i -> i instanceof TabPane))
                .findFirst().orElseThrow();
    }

    @Test
    void twoSwitchesLeaveAsManyListenersOnTheViewModelsAsTheFirstBuild(FxRobot robot) {
        w.loadTemplate(robot, "mnist_cnn");
        WaitForAsyncUtils.waitForFxEvents();
        int first = listeners();
        org.neuralcanvas.ui.canvas.CanvasView firstCanvas = w.window.canvas();
        switchTo(robot, Locale.SIMPLIFIED_CHINESE);
        switchTo(robot, Locale.ENGLISH);
        assertEquals(first, listeners(), "listeners on the view models after two switches");

        // The graph's own listeners are not JavaFX ones: the first build's canvas no longer follows the model either.
        int oldViews = firstCanvas.lookupAll(".layer-node").size();
        robot.interact(() -> w.window.commands().append(w.window.context().catalog().find("Dense").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(oldViews, firstCanvas.lookupAll(".layer-node").size(), "the old canvas did not react");
        assertEquals(oldViews + 1, w.window.canvas().lookupAll(".layer-node").size(), "the shown canvas did");
    }

    @Test
    void zoomTabAndTitleAreKeptAndTranslated(FxRobot robot) {
        robot.interact(() -> w.window.canvas().zoomBy(1.2));
        double zoom = w.window.canvas().zoomProperty().get();
        robot.clickOn("#tab-problems");
        SplitPane bottomSplit = verticalSplit(robot);
        robot.interact(() -> bottomSplit.setDividerPositions(0.5));
        String englishTitle = w.window.stage().getTitle();
        assertTrue(englishTitle.contains("Untitled"), englishTitle);

        switchTo(robot, Locale.SIMPLIFIED_CHINESE);

        assertEquals(zoom, w.window.canvas().zoomProperty().get(), 1e-9);
        Tab problems = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> "tab-problems".equals(t.getId())).findFirst().orElseThrow();
        assertTrue(problems.isSelected(), "the Problems tab is still the one shown");
        assertEquals(0.5, verticalSplit(robot).getDividerPositions()[0], 0.01, "the bottom area keeps its height");
        assertTrue(w.window.canvas().isFocused(), "the canvas has the keys again");
        assertEquals("问题", problems.getText());
        assertTrue(w.window.stage().getTitle().contains("未命名"), w.window.stage().getTitle());
        robot.clickOn("#menu-view");
        robot.moveTo(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && "语言".equals(l.getText()))
                .queryAs(javafx.scene.Node.class));
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && "简体中文".equals(l.getText()))
                .tryQuery().isPresent(), "the language menu says 简体中文");
        robot.type(javafx.scene.input.KeyCode.ESCAPE).type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
