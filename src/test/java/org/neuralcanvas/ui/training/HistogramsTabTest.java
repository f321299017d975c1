package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.engine.stats.LayerStats;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Histograms tab: nothing is gathered before it is opened; opened, two epochs later it draws the chosen layer's
 * weights for both epochs and every layer's update ratio.
 */
@ExtendWith(ApplicationExtension.class)
class HistogramsTabTest {

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

    private void trainTwoEpochs(FxRobot robot, int runs) throws TimeoutException {
        robot.interact(() -> app.vm().train());
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.IDLE && app.vm().runs().size() == runs);
    }

    @Test
    void theViewFillsAfterTwoEpochsOnceOpenedAndNothingIsGatheredBefore(FxRobot robot) throws Exception {
        app.loadTemplate(robot, "keras_quickstart");
        TrainingWindow.type(robot, "#field-epochs", "2");
        trainTwoEpochs(robot, 1);
        assertTrue(app.vm().layerStats().isEmpty(), "the tab was never opened: nothing was gathered");

        robot.clickOn("#tab-training");
        // As a click on its header does (the header may sit in the tab pane's overflow menu on a small window).
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> "tab-histograms".equals(t.getId())).findFirst()
                .orElseThrow().getTabPane().getSelectionModel().select(2));
        trainTwoEpochs(robot, 2);
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
