package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.main.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train panel holds every setting to the range declared with it, in the sentence the project file's Problems
 * list and the command line give (ProjectFileTest, BrokenFilesTest): a refused value is red with that sentence, is
 * never used, and Train waits until it is fixed. Nothing here trains.
 */
@ExtendWith(ApplicationExtension.class)
class TrainSettingsCheckTest {

    /** The same sentence as ProjectFileTest's and BrokenFilesTest's. */
    private static final String BATCH_OF_ZERO = "batch_size must be at least 1; it is 0.";

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
    void shutDown() {
        app.shutDown();
    }

    private TrainingViewModel vm() {
        return app.vm();
    }

    private void loadTemplate(FxRobot robot, String id) {
        app.loadTemplate(robot, id);
    }

    private static void type(FxRobot robot, String field, String text) {
        TrainingWindow.type(robot, field, text);
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static boolean red(TextField f) {
        return f.getStyleClass().contains("field-error");
    }

    private static boolean trainDisabled(FxRobot robot) {
        return robot.lookup("#panel-train").queryAs(Button.class).isDisabled();
    }

    @SuppressWarnings("unchecked")
    private static List<String> problemsListed(FxRobot robot) {
        ListView<Problem> list = robot.lookup("#problems").queryAs(ListView.class);
        return list.getItems().stream().map(Problem::message).toList();
    }

    @Test
    void aFileWithABatchSizeOfZeroOpensWithTheProblemListedTheFieldRedAndTrainDisabled(FxRobot robot) throws Exception {
        loadTemplate(robot, "keras_quickstart");
        String json = ProjectFile.toJson(window.viewModel().document().project());
        String edited = json.replaceFirst("\"batchSize\" *: *\\d+", "\"batchSize\" : 0");
        assertFalse(edited.equals(json));
        Path file = tmp.resolve("edited.ncproj.json");
        Files.writeString(file, edited);
        dialogs.unsavedAnswer = org.neuralcanvas.ui.document.Prompts.UnsavedAnswer.DISCARD;
        dialogs.openAnswer = file;
        robot.interact(() -> window.fileActions().open());
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> file.equals(window.viewModel().document().file()));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(BATCH_OF_ZERO), problemsListed(robot), "listed on load, not an exception");
        TextField batch = field(robot, "#field-batch-size");
        assertEquals("0", batch.getText());
        assertTrue(red(batch), "the field is red");
        assertEquals(BATCH_OF_ZERO, batch.getTooltip().getText());
        assertTrue(trainDisabled(robot), "Train waits for a batch size");
        assertEquals(BATCH_OF_ZERO, robot.lookup("#train-problems").queryAs(Label.class).getText());

        type(robot, "#field-batch-size", "16");
        assertEquals(16, vm().settingsProperty().get().batchSize());
        assertFalse(red(batch));
        assertNull(batch.getTooltip());
        assertFalse(trainDisabled(robot), "fixed, Train is possible again");
        assertEquals(List.of(), problemsListed(robot));
    }

    @Test
    void aLearningRateAboveItsLimitIsRedWithTheLimitNeverUsedAndTrainWaits(FxRobot robot) {
        loadTemplate(robot, "keras_quickstart");
        double before = vm().settingsProperty().get().optimizer().learningRate();
        assertFalse(trainDisabled(robot));

        type(robot, "#field-learning-rate", "1e6");
        TextField lr = field(robot, "#field-learning-rate");
        assertEquals("1e6", lr.getText(), "the refused text stays for the user to fix");
        assertTrue(red(lr));
        assertEquals("learning_rate must be at most 10; it is 1,000,000.", lr.getTooltip().getText());
        assertEquals(before, vm().settingsProperty().get().optimizer().learningRate(), "1e6 is never used");
        assertTrue(trainDisabled(robot));
        robot.interact(() -> vm().train());
        assertEquals(RunPhase.IDLE, vm().phaseProperty().get(), "nor does Train start another way");
        assertEquals("learning_rate must be at most 10; it is 1,000,000.", vm().statusProperty().get());

        // Another change undone meanwhile refills the form: the field being typed in keeps its text and its red.
        robot.interact(() -> vm().setSettings(vm().settingsProperty().get().withEpochs(3)));
        robot.interact(() -> window.viewModel().undo());
        assertEquals("1e6", lr.getText());
        assertTrue(red(lr) && trainDisabled(robot), "still refused, still waiting");

        type(robot, "#field-learning-rate", "fast");
        assertEquals("learning_rate must be a number; it is fast.", lr.getTooltip().getText());

        type(robot, "#field-learning-rate", "0.01");
        assertFalse(red(lr));
        assertEquals(0.01, vm().settingsProperty().get().optimizer().learningRate());
        assertFalse(trainDisabled(robot));
    }

    @Test
    void kerasNamesKeepTheirUnderscores(FxRobot robot) {
        loadTemplate(robot, "keras_quickstart");
        robot.lookup(n -> n instanceof javafx.scene.control.TitledPane t && "Callbacks".equals(t.getText()))
                .queryAllAs(javafx.scene.control.TitledPane.class).forEach(t -> robot.interact(() -> t.setExpanded(true)));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.lookup(".check-box .text").queryAllAs(javafx.scene.text.Text.class).stream()
                .map(javafx.scene.text.Text::getText).toList();
        assertTrue(shown.contains("restore_best_weights"), shown.toString());
        assertTrue(shown.contains("save_best_only"), shown.toString());
        assertFalse(shown.contains("restorebest_weights") || shown.contains("savebest_only"), shown.toString());
    }

    @Test
    void aLossThatDoesNotFitTheOutputIsCaughtBeforeTrainWithTheFix(FxRobot robot) {
        loadTemplate(robot, "keras_quickstart");
        robot.interact(() -> vm().setSettings(vm().settingsProperty().get().withLoss("binary_crossentropy")));
        WaitForAsyncUtils.waitForFxEvents();
        String said = robot.lookup("#train-problems").queryAs(Label.class).getText();
        assertTrue(said.contains("ends in a softmax over 10 classes"), said);
        assertTrue(said.contains("Choose one of those losses, or give"), "the fix: " + said);
        assertTrue(trainDisabled(robot));

        robot.interact(() -> window.viewModel().undo());
        assertEquals("categorical_crossentropy", vm().settingsProperty().get().loss());
        assertEquals("", robot.lookup("#train-problems").queryAs(Label.class).getText());
        assertFalse(trainDisabled(robot));
    }
}
