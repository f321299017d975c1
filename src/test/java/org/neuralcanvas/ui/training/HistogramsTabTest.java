package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.stats.LayerStats;
import org.testfx.api.FxRobot;

/**
 * The Histograms tab: nothing is gathered before it is opened; opened, two epochs later it draws the chosen layer's
 * weights for both epochs and every layer's update ratio.
 */
class HistogramsTabTest extends TrainingWindowTest {


    @Test
    void theViewFillsAfterTwoEpochsOnceOpenedAndNothingIsGatheredBefore(FxRobot robot) throws Exception {
        app.loadTemplate(robot, "keras_quickstart");
        TrainingWindow.type(robot, "#field-epochs", "2");
        trainAndWait(robot, 1);
        assertTrue(app.vm().layerStats().isEmpty(), "the tab was never opened: nothing was gathered");

        robot.clickOn("#tab-training");
        // As a click on its header does (the header may sit in the tab pane's overflow menu on a small window).
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> "tab-histograms".equals(t.getId())).findFirst()
                .orElseThrow().getTabPane().getSelectionModel().select(2));
        trainAndWait(robot, 2);
        assertEquals(2, app.vm().layerStats().size(), "one set of statistics per epoch");
        LayerStats dense = app.vm().layerStats().get(1).layers().get(0);
        assertEquals(100L * 64 > 4096 ? 4096 : 100L * 64, dense.weights().total(), "a bounded sample of the weights");
        assertTrue(dense.updateRatio() > 0 && dense.updateRatio() < 1, "update ratio " + dense.updateRatio());
        assertTrue(dense.deadShare() >= 0 && dense.deadShare() <= 1);
        HistogramsView view = app.feature.dashboard().histograms();
        assertEquals(2, view.shownEpochs(), "both epochs are drawn for the chosen layer");
        assertEquals(2, view.ratios().getSeriesCount(), "an update-ratio curve per layer with weights");
        assertTrue(robot.lookup("#histogram-caption").queryAs(Label.class).getText().startsWith("2 epochs"));
    }
}
