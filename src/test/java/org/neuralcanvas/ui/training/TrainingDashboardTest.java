package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.keras.ImportProgress;
import org.neuralcanvas.engine.keras.KerasImportOptions;
import org.neuralcanvas.engine.keras.KerasImportResult;
import org.neuralcanvas.engine.keras.KerasImporter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.main.MainWindow;
import org.neuralcanvas.ui.document.Prompts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Trains from the window as a person does: a template, a small dataset, Train, watch, Stop, read the results. */
@Tag("slow") // about 2 minutes on 2 cores: real training runs driven from the window
@ExtendWith(ApplicationExtension.class)
class TrainingDashboardTest {

    @TempDir
    static Path tmp;

    private TrainingWindow app;
    private ScriptedDialogs dialogs;
    private MainWindow window;
    private TrainingFeature feature;

    @Start
    void start(Stage stage) throws IOException {
        app = new TrainingWindow(tmp, stage);
        dialogs = app.dialogs;
        window = app.window;
        feature = app.feature;
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

    private void setEpochs(FxRobot robot, int epochs) {
        // Typed without a click: with the panel's estimate and own-data rows the field can lie below the fold.
        TrainingWindow.type(robot, "#field-epochs", String.valueOf(epochs));
        assertEquals(epochs, vm().settingsProperty().get().epochs());
    }

    @Test
    void aTemplatesSettingsAndDatasetLoadWithIt(FxRobot robot) {
        loadTemplate(robot, "boston_housing");
        assertEquals("mse", vm().settingsProperty().get().loss());
        assertEquals(80, vm().settingsProperty().get().epochs());
        assertTrue(vm().fitProperty().get().fits(), vm().fitProperty().get().problems().toString());
        assertTrue(robot.lookup("#dataset-shapes").queryLabeled().getText().contains("(None, 13)"));
    }

    @Test
    void aTrainPanelChangeIsUndoneAndRedoneFromTheEditMenu(FxRobot robot) {
        loadTemplate(robot, "boston_housing");
        setEpochs(robot, 12);
        robot.interact(() -> vm().chooseDataset("synthetic-linear"));
        assertTrue(window.viewModel().dirtyProperty().get());

        robot.clickOn("Edit");
        robot.clickOn("Undo Choose dataset");
        assertEquals("boston_housing", vm().datasetProperty().get().datasetId(), "the dataset choice is undone first");
        assertEquals(12, vm().settingsProperty().get().epochs());
        // Then, as after any edit on the canvas, with the keys.
        robot.clickOn("#canvas");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(80, vm().settingsProperty().get().epochs(), "then the epochs");
        assertEquals("80", robot.lookup("#field-epochs").queryAs(javafx.scene.control.TextField.class).getText(),
                "and the field shows it");
        assertEquals(80, window.viewModel().document().project().settings().epochs(), "the project has it too");
        assertFalse(window.viewModel().dirtyProperty().get(), "back to the template as loaded");

        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, vm().settingsProperty().get().epochs());
        assertTrue(window.viewModel().dirtyProperty().get());
    }

    @Test
    void closingDuringARunAsksAndStoppingKeepsTheRunInTheProject(FxRobot robot) throws Exception {
        loadTemplate(robot, "keras_quickstart");
        setEpochs(robot, 500);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.RUNNING && vm().curves().epochPoints() >= 1);

        dialogs.runningAnswer = Prompts.RunningAnswer.KEEP_TRAINING;
        robot.interact(() -> window.requestClose());
        assertEquals(1, dialogs.runningQuestions);
        assertTrue(window.stage().isShowing(), "the window stays");
        assertTrue(vm().phaseProperty().get().isActive(), "and the run goes on");

        dialogs.runningAnswer = Prompts.RunningAnswer.STOP_AND_CLOSE;
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.CANCEL; // to keep the test's window
        int asked = dialogs.unsavedQuestions;
        robot.interact(() -> window.requestClose());
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && dialogs.unsavedQuestions > asked);
        assertEquals(1, window.viewModel().document().project().runs().size(), "the stopped run is in the project");
        assertEquals("stopped", window.viewModel().document().project().runs().get(0).outcome());
        assertTrue(window.stage().isShowing(), "cancelling the save question keeps the window");
    }

    @Test
    void stopWhileTheDataIsPreparedTrainsAndEvaluatesNothing(FxRobot robot) throws Exception {
        loadTemplate(robot, "keras_quickstart");
        CountDownLatch hold = new CountDownLatch(1);
        app.onTrainingThread(() -> {
            try {
                hold.await(60, TimeUnit.SECONDS); // keeps the preparation waiting, as IMDB's 10 s would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        robot.clickOn("#panel-train");
        assertEquals(RunPhase.PREPARING, vm().phaseProperty().get());
        robot.interact(() -> vm().stop());
        hold.countDown();
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE);
        assertEquals("Stopped while the data was being prepared: nothing was trained, and the model is as it was.",
                vm().statusProperty().get());
        assertEquals(null, vm().results().reportProperty().get(), "no evaluation of an untrained model");
        assertEquals(List.of(), window.viewModel().document().project().runs());
    }

    @Test
    void aDatasetThatDoesNotFitSaysSoAndOffersToSetTheInputShape(FxRobot robot) {
        loadTemplate(robot, "keras_quickstart");
        robot.interact(() -> vm().chooseDataset("iris"));
        String said = robot.lookup("#dataset-fit").queryLabeled().getText();
        assertTrue(said.contains("Set the Input's shape to [4]"), said);
        assertTrue(window.viewModel().dirtyProperty().get(), "a new dataset is an unsaved change");
        robot.clickOn("#button-fix-input");
        assertEquals(List.of(4), window.viewModel().document().graph().nodes().get(0).params().getTuple("shape"));
        String now = robot.lookup("#dataset-fit").queryLabeled().getText();
        assertTrue(now.contains("Dense(3, activation='softmax')"), now);
        assertFalse(robot.lookup("#button-fix-input").queryButton().isVisible());
    }

    @Test
    void trainingShowsPointsAndProgressAndStopEndsTheRunKeepingItsHistory(FxRobot robot) throws TimeoutException {
        loadTemplate(robot, "keras_quickstart");
        setEpochs(robot, 500);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().curves().epochPoints() >= 2 && vm().progress().runProgressProperty().get() > 0);
        assertTrue(vm().curves().batchPoints() > vm().curves().epochPoints(), "batch losses are drawn behind the epochs");
        assertTrue(vm().progress().log().stream().anyMatch(l -> l.startsWith("Epoch 1/500")), vm().progress().log().toString());
        assertTrue(vm().progress().log().stream().anyMatch(l -> l.contains("loss: ") && l.contains("accuracy: ")), vm().progress().log().toString());
        double progress = vm().progress().runProgressProperty().get();
        waitUntil(() -> vm().progress().runProgressProperty().get() > progress);

        robot.clickOn("#button-stop");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE);
        List<RunRecord> runs = window.viewModel().document().project().runs();
        assertEquals(1, runs.size());
        assertEquals("stopped", runs.get(0).outcome());
        assertTrue(runs.get(0).history().size() >= 2);
        assertEquals(runs.get(0).history().size(), vm().curves().epochPoints());
        assertTrue(vm().runs().contains(runs.get(0)), "the run is listed in the history");
        assertFalse(robot.lookup("#button-train").queryAs(Button.class).isDisabled(), "Train is possible again");
        assertTrue(window.viewModel().dirtyProperty().get());
    }

    /** The advisor speaks in the log as the curve shows it: a learning rate far too small leaves the loss flat. */
    @Test
    void theAdvisorSaysSoWhenTheLossDoesNotFall(FxRobot robot) throws TimeoutException {
        loadTemplate(robot, "keras_quickstart");
        setEpochs(robot, 3);
        TrainingWindow.type(robot, "#field-learning-rate", "1e-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1e-7, vm().settingsProperty().get().optimizer().learningRate(), 1e-12);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().results().reportProperty().get() != null);
        List<String> notes = vm().progress().log().stream().filter(l -> l.startsWith("💡")).toList();
        assertEquals(1, notes.size(), vm().progress().log()::toString);
        assertTrue(notes.get(0).startsWith("💡 The loss has barely moved in 3 epochs"), notes.get(0));
        // After epoch 3, before the run's end and the test results.
        List<String> log = vm().progress().log();
        assertTrue(log.indexOf(notes.get(0)) > log.indexOf(log.stream().filter(l -> l.startsWith("Epoch 3/3"))
                .findFirst().orElseThrow()), log::toString);
    }

    @Test
    void aFinishedRunShowsAConfusionMatrixThatAddsUpToTheTestSet(FxRobot robot) throws TimeoutException {
        loadTemplate(robot, "keras_quickstart");
        setEpochs(robot, 2);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().results().reportProperty().get() != null);
        assertEquals("finished", window.viewModel().document().project().runs().get(0).outcome());
        robot.clickOn("#tab-results");
        long testSize = vm().results().reportProperty().get().samples();
        assertEquals(100, testSize);
        assertEquals(testSize, feature.results().confusion().total());
        robot.clickOn("#confusion-cell-0-0");
        long inCell = vm().results().reportProperty().get().classification().confusion()[0][0];
        assertEquals(Math.min(inCell, 48), feature.results().sampleGrid().getChildren().size());
    }

    @Test
    void aRegressorsResultsShowPredictedAgainstTrueForEveryTestSample(FxRobot robot) throws TimeoutException {
        loadTemplate(robot, "linear_regression");
        setEpochs(robot, 2);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().results().reportProperty().get() != null);
        robot.clickOn("#tab-results");
        org.jfree.chart.fx.ChartViewer scatter = robot.lookup("#chart-scatter").queryAs(org.jfree.chart.fx.ChartViewer.class);
        assertTrue(scatter.isVisible() && scatter.getWidth() > 100, "the scatter is on screen");
        org.jfree.data.xy.XYDataset points = scatter.getChart().getXYPlot().getDataset();
        assertEquals(vm().results().reportProperty().get().samples(), points.getItemCount(0), "one point per test sample");
        assertEquals(2, points.getItemCount(1), "and the ideal line");
    }

    @Test
    void anEarlierRunsCurvesCanBeLaidOverTheCurrentOnesAndItsHistorySavedAsCsv(FxRobot robot) throws Exception {
        loadTemplate(robot, "linear_regression");
        setEpochs(robot, 3);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().runs().size() == 1);
        Path csv = tmp.resolve("run-1-history.csv");
        robot.interact(() -> vm().exportHistory(vm().runs().get(0), csv));
        waitUntil(() -> Files.exists(csv) && vm().statusProperty().get().startsWith("Saved"));
        List<String> rows = Files.readAllLines(csv);
        assertEquals("epoch,loss,mae,learning_rate", rows.get(0));
        assertEquals(4, rows.size(), "a header and one row per epoch");
        robot.interact(() -> vm().overlaid().add(vm().runs().get(0)));
        assertEquals(1, vm().curves().lossOverlays().getSeriesCount(), "loss of run-1 (no validation split)");
        assertEquals(3, vm().curves().lossOverlays().getSeries(0).getItemCount());
        assertTrue(vm().results().reportProperty().get().regression() != null);
    }

    @Test
    void trainingAgainCanContinueFromTheTrainedWeights(FxRobot robot) throws TimeoutException {
        loadTemplate(robot, "keras_quickstart");
        setEpochs(robot, 2);
        assertTrue(robot.lookup("#check-continue").queryAs(javafx.scene.control.CheckBox.class).isDisabled(),
                "nothing to continue from before the first run");
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().results().reportProperty().get() != null);
        robot.clickOn("#tab-training");
        robot.clickOn("#check-continue");
        assertTrue(vm().weights().continueTrainingProperty().get());
        robot.clickOn("#button-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().runs().size() == 2);
        assertTrue(vm().progress().log().stream().anyMatch(l -> l.startsWith("Epoch 3/4")), vm().progress().log().toString());
        assertEquals(4, vm().weights().modelProperty().get().epochsTrained(), "epochs count on from the first run");
    }

    @Test
    void changingTheLayersRulesOutContinuing(FxRobot robot) throws TimeoutException {
        loadTemplate(robot, "keras_quickstart");
        setEpochs(robot, 1);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().weights().modelProperty().get() != null);
        assertTrue(vm().weights().canContinueProperty().get());
        String dense = window.viewModel().document().graph().findByName("dense").orElseThrow().id();
        robot.interact(() -> window.viewModel().execute(ChangeNodeEdit.setParam(
                window.viewModel().document().graph(), dense, "units", 8)));
        assertFalse(vm().weights().canContinueProperty().get(), "other layers cannot take the trained weights");
        robot.interact(() -> window.viewModel().undo());
        assertTrue(vm().weights().canContinueProperty().get());
    }

    @Test
    void aSavedModelOpensWithItsLayersHistoryAndTestResults(FxRobot robot) throws Exception {
        loadTemplate(robot, "keras_quickstart");
        setEpochs(robot, 2);
        robot.clickOn("#panel-train");
        waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE && vm().results().reportProperty().get() != null);
        Path file = tmp.resolve("quickstart" + ModelStore.EXTENSION);
        ModelStore.save(vm().weights().modelProperty().get(), vm().datasetProperty().get(), file);
        List<String> layers = window.viewModel().document().graph().nodes().stream().map(n -> n.name()).toList();

        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        robot.interact(() -> window.fileActions().newProject());
        feature.setModelChooser(w -> Optional.of(file));
        robot.clickOn("File");
        robot.clickOn("#menu-open-model");
        waitUntil(() -> vm().weights().modelProperty().get() != null && vm().phaseProperty().get() == RunPhase.IDLE
                && vm().results().reportProperty().get() != null);
        assertEquals(layers, window.viewModel().document().graph().nodes().stream().map(n -> n.name()).toList());
        assertEquals(1, vm().runs().size(), "the model's training history is listed as a run");
        assertEquals(2, vm().runs().get(0).history().size());
        assertEquals(100, feature.results().confusion().total(), "the opened model is evaluated on the test set");
        assertTrue(vm().weights().continueTrainingProperty().get(), "Train goes on from the opened weights");
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aFileThatIsNotAModelIsExplained(FxRobot robot) throws Exception {
        Path file = tmp.resolve("not-a-model.nc.zip");
        Files.writeString(file, "hello");
        feature.setModelChooser(w -> Optional.of(file));
        robot.clickOn("File");
        robot.clickOn("#menu-open-model");
        waitUntil(() -> !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.get(0).startsWith("not-a-model.nc.zip is not a model file"), dialogs.errors.toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"keras2_sequential_mlp.h5, 55050", "keras3_mnist_mlp.keras, 25450"})
    void anImportedKerasModelKeepsItsWeightsForEvaluationAndFineTuning(String file, long weights, FxRobot robot)
            throws Exception {
        Path h5 = Path.of(getClass().getResource("/keras/" + file).toURI());
        KerasImportResult imported = new KerasImporter()
                .importFile(h5, KerasImportOptions.defaults(),
                        ImportProgress.NONE, () -> false);
        robot.interact(() -> {
            window.viewModel().openUntitled(imported.project());
            vm().setDataset(new DatasetChoice("mnist", Map.of("layout", "flat")));
            feature.adoptImported(imported);
        });
        waitUntil(() -> vm().weights().modelProperty().get() != null && vm().phaseProperty().get() == RunPhase.IDLE
                && vm().results().reportProperty().get() != null);
        assertEquals(weights, vm().weights().modelProperty().get().network().numParams());
        assertTrue(vm().weights().canContinueProperty().get() && vm().weights().continueTrainingProperty().get(),
                "Train fine-tunes the imported weights");
        assertEquals(10_000, vm().results().reportProperty().get().samples(), "evaluated on the MNIST test set");

        // File ▸ Export Trained Model writes it back as Keras files, which open again with the same weights.
        for (String format : List.of(".keras", ".h5")) {
            Path target = Files.createTempDirectory("export").resolve("exported" + format);
            feature.results().setExportChooser(() -> Optional.of(target));
            robot.clickOn("File");
            robot.clickOn("#menu-export-model");
            waitUntil(() -> Files.exists(target) && !vm().results().busyProperty().get());
            var again = new KerasImporter().importFile(target,
                    KerasImportOptions.defaults(),
                    ImportProgress.NONE, () -> false);
            assertEquals(weights, again.weightCount(), again.messages()::toString);
        }

        if (file.endsWith(".keras")) {
            // Train fine-tunes the imported weights: one more epoch on MNIST, starting from the file's.
            var before = vm().weights().modelProperty().get().network().params().dup();
            robot.clickOn("#tab-train");
            setEpochs(robot, 1);
            robot.clickOn("#panel-train");
            waitUntil(() -> vm().phaseProperty().get() == RunPhase.IDLE
                    && !window.viewModel().document().project().runs().isEmpty());
            RunRecord run = window.viewModel().document().project().runs().get(0);
            assertEquals("finished", run.outcome());
            assertEquals(1, run.history().size());
            var after = vm().weights().modelProperty().get().network().params();
            assertEquals(before.length(), after.length(), "the same network went on training");
            assertFalse(after.equalsWithEps(before, 1e-6), "the weights moved on from the file's");
        }
    }
}
