package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.own.OwnDataSpec;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.engine.data.OwnDataChoices;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A CSV table of one's own in the Train panel: added, it becomes the dataset with its target column and task to
 * choose, trains, and a project opened with it reads it again in the background; a bad file is a sentence.
 */
@ExtendWith(ApplicationExtension.class)
class OwnDataInTrainPanelTest {

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
