package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.main.Autosave;
import org.neuralcanvas.ui.main.MainWindow;
import org.neuralcanvas.ui.document.Prompts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the Training and Results tabs show belongs to a run of the open project: another project shows none of it,
 * and a project opened again brings its runs and their test results back; a finished run is never only in memory.
 * One real run of one epoch on the quick-start template's small generated data (100 test samples) each.
 */
@ExtendWith(ApplicationExtension.class)
class RunsBelongToTheirProjectTest {

    @TempDir
    static Path tmp;

    private TrainingWindow app;
    private ScriptedDialogs dialogs;
    private MainWindow window;
    private TrainingFeature feature;
    private Path home;

    @Start
    void start(Stage stage) throws IOException {
        app = new TrainingWindow(tmp, stage);
        dialogs = app.dialogs;
        window = app.window;
        feature = app.feature;
        home = app.home;
    }

    @AfterEach
    void stopTraining() throws TimeoutException {
        app.stopTraining();
    }

    private TrainingViewModel vm() {
        return app.vm();
    }

    private void loadTemplate(FxRobot robot, String id) {
        app.loadTemplate(robot, id);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        TrainingWindow.waitUntil(condition);
    }

    /** The quick-start template, set to train one epoch. */
    private void quickStartForOneEpoch(FxRobot robot) {
        loadTemplate(robot, "keras_quickstart");
        robot.clickOn("#field-epochs").push(KeyCode.CONTROL, KeyCode.A).write("1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm().settingsProperty().get().epochs());
    }

    /** Train, until the run is recorded with its test results. */
    private void train(FxRobot robot) throws TimeoutException {
        int before = vm().runs().size();
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().runs().size() == before + 1
                && vm().runs().get(before).results() != null);
    }

    private boolean exportDisabled(FxRobot robot) {
        return robot.lookup("#button-export-model").queryAs(Button.class).isDisabled();
    }

    @Test
    void anotherProjectShowsNoneOfThisOnesRunAndOpeningItAgainBringsItsRunAndResultsBack(FxRobot robot)
            throws Exception {
        quickStartForOneEpoch(robot);
        train(robot);
        EvaluationReport trained = vm().results().reportProperty().get();
        assertNotNull(trained.classification(), "a classifier's confusion matrix");
        assertTrue(vm().curves().epochPoints() > 0);
        assertTrue(robot.lookup("#button-export-model").queryAs(Button.class).isVisible());
        assertTrue(!exportDisabled(robot), "the trained model can be exported");
        Path model = tmp.resolve("quickstart.nc.zip");
        feature.results().setExportChooser(() -> java.util.Optional.of(model));
        robot.interact(() -> feature.results().exportModel());
        waitUntil(() -> Files.exists(model) && !vm().results().messageProperty().get().isEmpty());
        assertEquals("Saved the model to quickstart.nc.zip.", vm().results().messageProperty().get());
        assertEquals("", robot.lookup("#results-message").queryAs(javafx.scene.control.Label.class).getStyle(),
                "good news is not drawn red");
        Path saved = tmp.resolve("quickstart.ncproj.json");
        dialogs.saveAnswer = saved;
        robot.interact(() -> window.fileActions().saveAs());
        assertTrue(Files.exists(saved));
        robot.clickOn("#tab-training");
        robot.clickOn("#tab-runs");
        String listed = robot.lookup("#run-history .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .map(javafx.scene.control.ListCell::getText).filter(t -> t != null && !t.isEmpty()).findFirst().orElse("");
        assertTrue(listed.matches("run-1 · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d · synthetic-multiclass · finished · 1 epoch"),
                "the run list says when, in words a person reads: " + listed);

        loadTemplate(robot, "reuters");
        assertNull(vm().results().reportProperty().get(), "no confusion matrix of the other project");
        assertTrue(exportDisabled(robot), "Export model… has nothing of this project to export");
        assertEquals(0, vm().curves().epochPoints(), "no curves of the other project");
        assertEquals(List.of(), vm().overlaid());
        assertEquals(List.of(), vm().progress().log());
        assertEquals("", vm().statusProperty().get());
        assertEquals(List.of(), vm().runs());
        assertEquals(0, robot.lookup("#run-history").queryAs(ListView.class).getItems().size());

        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        dialogs.openAnswer = saved;
        robot.interact(() -> window.fileActions().open());
        waitUntil(() -> saved.equals(window.viewModel().document().file()));
        assertEquals(1, vm().runs().size(), "its run is back with it");
        RunRecord run = vm().runs().get(0);
        assertEquals(vm().runs(), vm().overlaid(), "its curves are drawn");
        assertEquals(run, robot.lookup("#run-history").queryAs(ListView.class).getSelectionModel().getSelectedItem(),
                "the latest run is the one shown");
        EvaluationReport back = vm().results().reportProperty().get();
        assertNotNull(back, "its test results are shown again, from the file");
        assertEquals(trained.samples(), back.samples());
        assertArrayEquals(trained.classification().confusion(), back.classification().confusion());
        assertEquals(trained.classification().accuracy(), back.classification().accuracy(), 1e-12);
        assertEquals(trained.samples(), feature.results().confusion().total(), "the confusion matrix is drawn again");
        assertTrue(exportDisabled(robot), "the file keeps results, not the model: nothing to export until trained again");
    }

    @Test
    void aFinishedRunNotSavedByHandIsAutosavedWithItsResults(FxRobot robot) throws Exception {
        Autosave autosave = new Autosave(window.viewModel(), window.context().userFiles(), Duration.ofHours(1));
        quickStartForOneEpoch(robot);
        Path saved = tmp.resolve("autosaved.ncproj.json");
        dialogs.saveAnswer = saved;
        robot.interact(() -> window.fileActions().saveAs());
        Path recovery = window.context().userFiles().recoveryFile();
        robot.interact(autosave::runOnce);
        assertTrue(!Files.exists(recovery), "saved by hand: nothing to recover");

        train(robot);
        assertTrue(window.viewModel().dirtyProperty().get(), "the run is an unsaved change");
        robot.interact(autosave::runOnce);
        waitUntil(() -> Files.exists(recovery));
        // What the next start finds after a kill -9 now.
        Autosave.Recovered recovered = autosave.findRecovery().orElseThrow();
        assertEquals(saved.toAbsolutePath(), recovered.originalFile());
        assertEquals(1, recovered.project().runs().size(), "a crash after training would not lose the run");
        assertEquals(vm().runs().get(0).results().samples(), recovered.project().runs().get(0).results().samples(),
                "nor its test results");
        assertEquals(0, ProjectFile.read(saved).runs().size(), "the file itself waits for Save");
    }

    @Test
    void anotherProjectDuringARunAsksAndStoppingKeepsTheRunInItsOwnProject(FxRobot robot) throws Exception {
        loadTemplate(robot, "keras_quickstart");
        robot.clickOn("#field-epochs").push(KeyCode.CONTROL, KeyCode.A).write("5000").type(KeyCode.ENTER);
        robot.clickOn("#panel-train");
        // Batches trained: a run stopped before its first one has no trained model to evaluate.
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.RUNNING && vm().progress().epochProgressProperty().get() > 0);
        org.neuralcanvas.ui.document.Document training = window.viewModel().document();

        dialogs.runningAnswer = Prompts.RunningAnswer.KEEP_TRAINING;
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("reuters").orElseThrow()));
        assertEquals(1, dialogs.runningQuestions, "asked, not replaced under the run");
        assertEquals(training, window.viewModel().document(), "the project it trains for stays open");
        assertTrue(vm().phaseProperty().get().isActive(), "keeps training");

        Path saved = tmp.resolve("stopped.ncproj.json");
        dialogs.runningAnswer = Prompts.RunningAnswer.STOP_AND_CLOSE;
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.SAVE;
        dialogs.saveAnswer = saved;
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("reuters").orElseThrow()));
        waitUntil(() -> Files.exists(saved) && vm().phaseProperty().get() == RunPhase.IDLE
                && window.viewModel().document() != training);
        assertEquals("reuters", vm().datasetProperty().get().datasetId());
        RunRecord run = ProjectFile.read(saved).runs().get(0);
        assertEquals("stopped", run.outcome(), "the stopped run is in the project it trained for, saved when asked");
        assertNotNull(run.results(), "with its test results");
        assertEquals(List.of(), vm().runs(), "and the new project shows none of it");
        assertNull(vm().results().reportProperty().get());
    }

    @Test
    void aRunsCheckpointIsNamedInTheLogAndItsRecordAndOpensAsATrainedModel(FxRobot robot) throws Exception {
        quickStartForOneEpoch(robot);
        CallbackSettings none = CallbackSettings.none();
        robot.interact(() -> vm().setSettings(vm().settingsProperty().get().withCallbacks(new CallbackSettings(
                none.earlyStopping(), none.reduceLrOnPlateau(), new CallbackSettings.Checkpoint(true, "loss", false)))));
        train(robot);
        RunRecord run = vm().runs().get(0);
        assertNotNull(run.checkpoint(), "the record says where the checkpoint is");
        Path file = Path.of(run.checkpoint());
        assertTrue(Files.isRegularFile(file), file.toString());
        assertTrue(file.startsWith(home.resolve("checkpoints")), file.toString());
        assertTrue(file.getParent().getFileName().toString().startsWith("run-1-"),
                "its own folder, not one that another project's run-1 overwrites: " + file);
        assertTrue(vm().progress().log().contains("Epoch 1: saving model to " + file), vm().progress().log()::toString);

        org.neuralcanvas.ui.document.Document before = window.viewModel().document();
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        robot.interact(() -> feature.dashboard().openCheckpointOf(run));
        waitUntil(() -> window.viewModel().document() != before);
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().results().reportProperty().get() != null);
        assertEquals(1, vm().runs().size(), "the checkpoint's history as a run");
        assertEquals("loaded from " + file.getFileName(), vm().runs().get(0).outcome());
        assertEquals(1, vm().results().modelProperty().get().epochsTrained(), "its model, evaluated on the run's data");
        assertEquals(run.results().samples(), vm().results().reportProperty().get().samples());
    }
}
