package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.project.RunRow;
import org.neuralcanvas.project.TrainingSettings;
import org.testfx.api.FxRobot;

/**
 * The Runs table after two runs of one model, the second with a narrower hidden layer and another learning rate:
 * one row each with their scores, the best in bold, the second's learning rate named as differing from the first,
 * and the two selected: the hidden layer named as changed in words and marked on the canvas, both runs' curves laid
 * over each other.
 */
class RunsTableTest extends TrainingWindowTest {

    @Test
    void twoRunsFillTwoRowsTheBestIsBoldAndSelectingBothShowsTheirModelsDifference(FxRobot robot) throws Exception {
        app.loadTemplate(robot, "keras_quickstart");
        TrainingWindow.type(robot, "#field-epochs", "2");
        trainAndWait(robot, 1);

        LayerNode hidden = app.window.viewModel().document().graph().nodes().stream()
                .filter(n -> n.kind().kerasName().equals("Dense")).findFirst().orElseThrow();
        robot.interact(() -> {
            app.window.viewModel().execute(ChangeNodeEdit.setParam(app.window.viewModel().document().graph(), hidden.id(),
                    "units", 16));
            TrainingSettings s = app.vm().settingsProperty().get();
            app.vm().setSettings(s.withOptimizer(s.optimizer().with("learning_rate", 0.01)));
        });
        trainAndWait(robot, 2);

        robot.clickOn("#tab-runs-table");
        RunsTableView view = app.feature.runsTable();
        assertEquals(2, view.table().getItems().size(), "one row per run");
        RunRow second = view.table().getItems().get(1);
        assertEquals("run-2", second.run().id());
        assertTrue(Double.isFinite(second.test()) && second.secondsPerEpoch() > 0, "test score and epoch time: " + second);
        int best = view.bestRow();
        assertTrue(best == 0 || best == 1);
        assertTrue(robot.lookup(".best-run").tryQuery().isPresent(), "the best run's row is marked");

        robot.interact(() -> view.table().getSelectionModel().select(0));
        assertTrue(robot.lookup(".settings-differ").queryLabeled().getText().contains("learning_rate 0.01 (run-1: 0.001)"),
                "the second run's learning rate is named as differing from the selected first");

        robot.interact(() -> view.table().getSelectionModel().selectIndices(0, 1));
        String diff = robot.lookup("#runs-diff").queryAs(TextArea.class).getText();
        assertTrue(diff.startsWith("From run-1 to run-2:"), diff);
        assertTrue(diff.contains("~ " + hidden.name() + ": units: 64 → 16"), diff);
        assertEquals("changed", app.window.viewModel().layerMarks().get(hidden.name()));
        assertTrue(app.window.canvas().nodeView(hidden.id()).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("diff-changed")), "marked on the canvas");
        assertEquals(2, app.vm().overlaid().size(), "both runs' curves are laid over each other");

        robot.interact(() -> view.table().getSelectionModel().clearAndSelect(1));
        assertTrue(app.window.viewModel().layerMarks().isEmpty(), "one run selected: nothing is compared");
    }
}
