package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunResults;
import org.neuralcanvas.project.templates.Templates;
import org.neuralcanvas.ui.document.Prompts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A project made from a tutorial template holds its runs against the result the tutorial publishes: the Results tab
 * says whether the test score is within the band and, below it, what differs from the tutorial's settings. A stored
 * run shows it as well as a new one (both go through {@code ResultsViewModel.judge}), so no training is needed here.
 */
@ExtendWith(ApplicationExtension.class)
class PublishedVerdictInResultsTest {

    @TempDir
    static Path tmp;

    private TrainingWindow app;

    @Start
    void start(Stage stage) throws IOException {
        app = new TrainingWindow(tmp, stage);
    }

    private static String verdict(FxRobot robot) {
        return robot.lookup("#results-published").queryAs(Label.class).getText();
    }

    /** A project from the MNIST MLP template with one evaluated run of 3 epochs at batch 32, opened in the window. */
    private Path openStoredRun(FxRobot robot) throws IOException, TimeoutException {
        Project project = new Templates().find("mnist_mlp").orElseThrow().newProject();
        List<Map<String, Double>> threeEpochs = List.of(Map.of("loss", 0.3), Map.of("loss", 0.2), Map.of("loss", 0.1));
        project.addRun(new RunRecord("run-1", "2026-01-01T00:00:00Z", project.settings().withEpochs(3).withBatchSize(32),
                "mnist", "finished", threeEpochs, new RunResults(10000, Map.of("loss", 0.13, "accuracy", 0.9612),
                List.of(), null), null, null, null));
        Path file = tmp.resolve("mnist" + ProjectFile.EXTENSION);
        ProjectFile.write(project, file);

        app.dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        app.dialogs.openAnswer = file;
        robot.interact(() -> app.window.fileActions().open());
        TrainingWindow.waitUntil(() -> file.equals(app.window.viewModel().document().file()) && !verdict(robot).isEmpty());
        return file;
    }

    @Test
    void aStoredRunBelowTheBandSaysWhatDiffersFromTheTutorial(FxRobot robot) throws IOException, TimeoutException {
        openStoredRun(robot);
        robot.clickOn("#tab-results");
        assertEquals("Test accuracy 0.9612 is below the published band (0.975–0.981, Deep Learning with Python §2.1) — "
                + "here is what differs from the tutorial's settings: epochs 3 (tutorial 5), batch_size 32 (tutorial 128).",
                verdict(robot));

        app.loadTemplate(robot, "keras_quickstart");
        assertEquals("", verdict(robot), "a project without a published result says nothing of one");
    }

    @Test
    void fileExportReportWritesTheRunsReportWithTheVerdict(FxRobot robot) throws Exception {
        openStoredRun(robot);
        Path[] asked = new Path[1];
        app.feature.setReportChooser((w, suggested) -> {
            asked[0] = tmp.resolve(suggested);
            return java.util.Optional.of(asked[0]);
        });
        robot.clickOn("File");
        robot.clickOn("#menu-export-report");
        TrainingWindow.waitUntil(() -> asked[0] != null && java.nio.file.Files.exists(asked[0])
                && app.vm().statusProperty().get().startsWith("Saved the report"));
        assertEquals("mnist-run-1.html", asked[0].getFileName().toString(), "named after the project and the run");
        String html = java.nio.file.Files.readString(asked[0]);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("here is what differs from the tutorial&#39;s settings: "
                + "epochs 3 (tutorial 5), batch_size 32 (tutorial 128)."), "the verdict is in the report");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<th>batch_size</th><td>32</td>"), "the run's settings");
    }
}
