package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.IrisProject;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunRow;
import org.testfx.api.FxRobot;

/**
 * A search from the Train panel: four learning rates on iris run as four trials, one after another, each a run in
 * the Runs table with its own learning rate, the best trial marked, all four curves laid over each other; the Train
 * panel's own settings are left as they were.
 */
class SearchInWindowTest extends TrainingWindowTest {

    @Test
    void fourLearningRatesOnIrisFillFourRowsAndTheBestIsMarked(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.viewModel().opened(tmp.resolve("iris.ncproj.json"), IrisProject.create()));
        robot.clickOn("#tab-train");
        TextArea axes = robot.lookup("#search-axes").queryAs(TextArea.class);
        robot.interact(() -> axes.setText("learning_rate=0.1,0.01,0.001,0.0001"));
        assertEquals("4 trials", robot.lookup("#search-count").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#button-search").queryButton().fire());
        TrainingWindow.waitUntil(() -> !app.vm().searching() && app.vm().phaseProperty().get() == RunPhase.IDLE
                && app.vm().runs().size() == 4 && app.vm().runs().stream().allMatch(r -> r.results() != null));

        List<Double> rates = app.vm().runs().stream().map(r -> r.settings().optimizer().learningRate()).toList();
        assertEquals(List.of(0.1, 0.01, 0.001, 0.0001), rates, "one run per trial, each with its learning rate");
        assertEquals(0.001, app.vm().settingsProperty().get().optimizer().learningRate(), 1e-12,
                "the Train panel keeps its own learning rate");
        assertEquals(app.vm().runs().stream().map(RunRecord::id).toList(), app.vm().lastSearch());
        assertEquals(4, app.vm().overlaid().size(), "the trials' curves are laid over each other");

        robot.clickOn("#tab-runs-table");
        RunsTableView view = app.feature.runsTable();
        assertEquals(4, view.table().getItems().size());
        List<RunRow> rows = view.table().getItems();
        int best = view.bestRow();
        assertEquals(RunRow.bestOf(rows), best);
        for (RunRow r : rows) {
            assertTrue(r.test() <= rows.get(best).test(), "the marked trial has the highest test accuracy");
        }
        assertTrue(robot.lookup(".best-run").tryQuery().isPresent(), "its row is marked");
        String status = robot.lookup("#dashboard-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Search done: 4 of 4 trials. Best: " + rows.get(best).run().id() + " (learning_rate="),
                status);
    }

    @Test
    void stopEndsTheSearchKeepingTheFinishedTrials(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.viewModel().opened(tmp.resolve("iris-stop.ncproj.json"), IrisProject.create()));
        robot.clickOn("#tab-train");
        TrainingWindow.type(robot, "#field-epochs", "2000");
        robot.interact(() -> app.vm().search(new org.neuralcanvas.project.SweepPlan(
                List.of(org.neuralcanvas.project.SweepPlan.Axis.parse("learning_rate=0.1,0.01,0.001")), false, 0, 1)));
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.RUNNING);
        robot.interact(() -> app.vm().stop());
        TrainingWindow.waitUntil(() -> !app.vm().searching() && app.vm().phaseProperty().get() == RunPhase.IDLE);
        assertEquals(1, app.vm().runs().size(), "the stopped trial is kept; no other trial starts");
        assertTrue(app.vm().runs().get(0).outcome().startsWith("stopped"), app.vm().runs().get(0).outcome());
        assertTrue(robot.lookup("#dashboard-status").queryAs(Label.class).getText().startsWith("Search stopped after 1 of 3"));
    }
}
