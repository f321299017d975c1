package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TabPane;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.RunRecord;
import org.testfx.api.FxRobot;

/** Fork: any stored run with a model goes on as a new run with changed settings, drawn on one axis with it. */
@Tag("slow") // three real runs from the window
class ContinueStoredRunTest extends TrainingWindowTest {

    private TrainingViewModel vm() {
        return app.vm();
    }

    private static void type(FxRobot robot, String field, String text) {
        TrainingWindow.type(robot, field, text);
    }

    private void train(FxRobot robot) throws TimeoutException {
        int before = vm().runs().size();
        robot.clickOn("#panel-train");
        TrainingWindow.waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().runs().size() == before + 1);
    }

    private static List<Double> xs(XYSeriesCollection c, String key) {
        List<Double> xs = new ArrayList<>();
        for (int s = 0; s < c.getSeriesCount(); s++) {
            XYSeries series = c.getSeries(s);
            if (series.getKey().equals(key)) {
                for (int i = 0; i < series.getItemCount(); i++) {
                    xs.add(series.getX(i).doubleValue());
                }
            }
        }
        return xs;
    }

    @Test
    void anEarlierRunGoesOnFromItsCheckpointAsANewRunWithANewLearningRate(FxRobot robot) throws Exception {
        app.loadTemplate(robot, "keras_quickstart");
        type(robot, "#field-epochs", "2");
        CallbackSettings none = CallbackSettings.none();
        robot.interact(() -> vm().setSettings(vm().settingsProperty().get().withCallbacks(new CallbackSettings(
                none.earlyStopping(), none.reduceLrOnPlateau(), new CallbackSettings.Checkpoint(true, "loss", false)))));
        train(robot); // run-1: 2 epochs, its last.zip kept
        type(robot, "#field-epochs", "1");
        train(robot); // run-2, from fresh weights: the model in memory is now run-2's
        assertFalse(vm().weights().continueTrainingProperty().get());

        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(p -> p.getTabs().stream().anyMatch(t -> "tab-runs".equals(t.getId()))).findFirst().orElseThrow()
                .getSelectionModel().select(1));
        // The Runs list's context menu item (a MenuItem is no node for the robot to click), on run-1 selected.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<RunRecord> list = robot.lookup("#run-history").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        assertEquals("run-1", ((RunRecord) list.getSelectionModel().getSelectedItem()).id());
        javafx.scene.control.MenuItem item = list.getContextMenu().getItems().stream()
                .filter(i -> "menu-run-continue".equals(i.getId())).findFirst().orElseThrow();
        assertEquals("Continue as a New Run", item.getText());
        assertFalse(item.isDisable());
        robot.interact(item::fire);
        TrainingWindow.waitUntil(() -> vm().weights().continueTrainingProperty().get());
        assertEquals("Train now goes on from run-1: its weights, its optimizer's state and its epoch numbering. "
                + "Change the settings, then press Train.", vm().statusProperty().get());

        type(robot, "#field-learning-rate", "0.0005");
        type(robot, "#field-epochs", "2");
        train(robot);
        RunRecord forked = vm().runs().get(2);
        assertEquals("run-3", forked.id());
        assertEquals("run-1", forked.parent(), "the record says which run it went on from");
        assertEquals(3, forked.firstEpoch(), "epochs numbered on after run-1's two");
        assertEquals(2, forked.history().size());
        assertEquals(0.0005, forked.history().get(0).get(EpochResult.LEARNING_RATE), 1e-12);
        assertTrue(vm().overlaid().stream().anyMatch(r -> r.id().equals("run-1")), "its parent is drawn with it");
        assertEquals(List.of(1.0, 2.0), xs(vm().curves().lossOverlays(), "run-1 loss"));
        assertEquals(List.of(3.0, 4.0), xs(vm().curves().loss(), vm().curves().loss().getSeries(0).getKey().toString()),
                "and it goes on to its right, on the same epoch axis");
    }
}
