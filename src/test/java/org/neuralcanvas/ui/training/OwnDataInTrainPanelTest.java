package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.own.OwnDataSpec;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.engine.data.OwnDataChoices;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;
import org.testfx.api.FxRobot;

/**
 * A CSV table of one's own in the Train panel: added, it becomes the dataset with its target column and task to
 * choose, trains, and a project opened with it reads it again in the background; a bad file is a sentence.
 */
class OwnDataInTrainPanelTest extends TrainingWindowTest {

    private static String table() {
        StringBuilder sb = new StringBuilder("size,colour,price\n");
        for (int i = 1; i <= 40; i++) {
            sb.append(i).append(',').append(i % 2 == 0 ? "red" : "blue").append(',').append(2 * i + (i % 2)).append('\n');
        }
        return sb.toString();
    }

    private void openRegressor(FxRobot robot, String name, DatasetChoice dataset) {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(3)));
        b.then("Dense", Map.of("units", 1));
        Project p = new Project(b.graph(), TrainingSettings.defaults().withLoss("mse").withMetrics(List.of("mae"))
                .withEpochs(2), dataset, List.of());
        robot.interact(() -> app.window.viewModel().opened(tmp.resolve(name), p));
        robot.clickOn("#tab-train");
    }

    @Test
    void anAddedTableIsTheDatasetWithItsTargetAndTaskAndTrains(FxRobot robot) throws Exception {
        Path csv = tmp.resolve("houses.csv");
        Files.writeString(csv, table());
        openRegressor(robot, "own.ncproj.json", DatasetChoice.none());
        robot.interact(() -> app.vm().addOwnData(OwnDataSpec.csv(csv)));
        TrainingWindow.waitUntil(() -> OwnDataChoices.isOwn(app.vm().datasetProperty().get()));
        @SuppressWarnings("unchecked")
        ComboBox<String> target = robot.lookup("#combo-own-target").queryAs(ComboBox.class);
        assertEquals(List.of("size", "colour", "price"), target.getItems(), "the table's columns are the choices");
        assertEquals("price", target.getValue(), "the last column is the target at first");
        robot.interact(() -> app.vm().changeOwnData(s -> s.withTarget("price", OwnDataSpec.Task.REGRESSION)));
        TrainingWindow.waitUntil(() -> app.vm().fitProperty().get().fits());
        assertEquals("regression", app.vm().datasetProperty().get().options().get(OwnDataChoices.TASK));

        robot.interact(() -> app.vm().train());
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.IDLE && app.vm().runs().size() == 1
                && app.vm().runs().get(0).results() != null);
        assertEquals("own:houses.csv", app.vm().runs().get(0).datasetId());

        // validation_data from a file: a held-out table validates (and tests); every row of the first one trains.
        Path held = tmp.resolve("houses-held.csv");
        Files.writeString(held, "size,colour,price\n50,red,100\n51,blue,103\n52,red,104\n53,blue,107\n");
        robot.interact(() -> app.vm().useHeldOutTable(held));
        TrainingWindow.waitUntil(() -> app.vm().datasetProperty().get().options().containsKey(OwnDataChoices.HELD_OUT)
                && app.vm().fitProperty().get().fits());
        assertEquals(org.neuralcanvas.project.ValidationPlan.Kind.TEST_SET, app.vm().settingsProperty().get().validation().kind());
        assertTrue(robot.lookup("#dataset-preprocessing").queryAs(Label.class).getText()
                .contains("validation: houses-held.csv (held out)"));
        robot.interact(() -> app.vm().train());
        TrainingWindow.waitUntil(() -> app.vm().phaseProperty().get() == RunPhase.IDLE && app.vm().runs().size() == 2
                && app.vm().runs().get(1).results() != null);
        assertTrue(app.vm().runs().get(1).history().get(0).containsKey("val_mae"), "validated every epoch");
        assertEquals(4, app.vm().runs().get(1).results().samples(), "tested on the held-out table's four rows");

        // The same project opened again: the table is read in the background, then fits.
        DatasetChoice kept = app.vm().datasetProperty().get();
        openRegressor(robot, "again.ncproj.json", DatasetChoice.none());
        openRegressor(robot, "own2.ncproj.json", kept);
        TrainingWindow.waitUntil(() -> app.vm().fitProperty().get().fits());
    }

    @Test
    void aFileThatIsNotATableIsASentenceAndTheDatasetStays(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("empty.csv");
        Files.writeString(bad, "");
        openRegressor(robot, "bad.ncproj.json", DatasetChoice.none());
        robot.interact(() -> app.vm().addOwnData(OwnDataSpec.csv(bad)));
        TrainingWindow.waitUntil(() -> app.vm().failedProperty().get());
        String said = robot.lookup("#dashboard-status").queryAs(Label.class).getText();
        assertTrue(said.contains("empty.csv"), said);
        assertTrue(!OwnDataChoices.isOwn(app.vm().datasetProperty().get()), "the dataset is left as it was");
    }
}
