package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.Prompts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.canvas.NodeView;
import org.neuralcanvas.ui.common.UserFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the main window as a person does: palette drags, port drags, the inspector, menus and keys. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path tmp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainWindow window;
    private Path home;

    @Start
    void start(Stage stage) throws IOException {
        home = Files.createTempDirectory(tmp, "home");
        AppContext ctx = AppContext.of(new UserFiles(home), Runnable::run, dialogs, dialogs);
        window = NeuralCanvasApp.open(ctx, stage);
        window.show();
    }

    private ModelGraph graph() {
        return window.viewModel().document().graph();
    }

    private String totals() {
        return window.summaryView().totalsText();
    }

    private LayerNode named(String name) {
        return graph().findByName(name).orElseThrow();
    }

    private NodeView view(String name) {
        return window.canvas().nodeView(named(name).id());
    }

    private Point2D onCanvas(FxRobot robot, double fx, double fy) {
        Bounds b = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    private void dragFromPalette(FxRobot robot, String kind, double fx, double fy) {
        robot.drag("#palette-" + kind, MouseButton.PRIMARY).moveTo(onCanvas(robot, fx, fy)).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void connect(FxRobot robot, String from, String to) {
        robot.drag(view(from).outputPort(), MouseButton.PRIMARY).moveTo(view(to)).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void setField(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aModelBuiltWithTheMouseIsEditedUndoneSavedAndReopened(FxRobot robot) {
        dragFromPalette(robot, "Input", 0.5, 0.15);
        dragFromPalette(robot, "Dense", 0.5, 0.45);
        dragFromPalette(robot, "Dense", 0.5, 0.8);
        assertEquals(List.of("input_1", "dense", "dense_1"), graph().nodes().stream().map(LayerNode::name).toList());

        connect(robot, "input_1", "dense");
        connect(robot, "dense", "dense_1");
        assertEquals(2, graph().edges().size());
        // Input (784) -> Dense(32) -> Dense(32): 784*32+32 + 32*32+32
        assertTrue(totals().contains("Total params: 26,176"), totals());

        robot.clickOn(view("dense"));
        setField(robot, "#param-units", "64");
        assertEquals(64, named("dense").params().getInt("units"));
        assertTrue(totals().contains("Total params: 52,320"), totals());
        assertTrue(window.stage().getTitle().startsWith("•"), "unsaved changes show in the title");

        // Back to the canvas (in a text field Ctrl+Z undoes typing, as in every editor).
        robot.clickOn(onCanvas(robot, 0.1, 0.9));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(totals().contains("Total params: 26,176"), totals());
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(totals().contains("Total params: 52,320"), totals());

        Path file = tmp.resolve("built.ncproj.json");
        dialogs.saveAnswer = file;
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(file));
        assertFalse(window.stage().getTitle().startsWith("•"), window.stage().getTitle());
        assertTrue(window.stage().getTitle().startsWith("built.ncproj.json"), window.stage().getTitle());

        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, graph().nodeCount());

        dialogs.openAnswer = file;
        robot.push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("input_1", "dense", "dense_1"), graph().nodes().stream().map(LayerNode::name).toList());
        assertEquals(2, graph().edges().size());
        assertEquals(64, named("dense").params().getInt("units"));
        assertTrue(totals().contains("Total params: 52,320"), totals());
        assertEquals(file.toAbsolutePath().normalize(), new UserFiles(home).recentFiles().get(0));
    }

    @Test
    void aWrongConnectionIsRefusedAndTheReasonShowsAtTheCursor(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        int edges = graph().edges().size();

        connect(robot, "dense_1", "input_1");

        assertEquals(edges, graph().edges().size());
        assertTrue(window.canvas().hintText().contains("input_1 is an Input layer"), window.canvas().hintText());
        Label hint = robot.lookup("#connectionHint").queryAs(Label.class);
        assertTrue(hint.isVisible());
    }

    @Test
    void aLayerWithoutInputShowsARedBadgeAndIsListedUnderProblems(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        dragFromPalette(robot, "Dense", 0.8, 0.5);

        assertTrue(view("dense_2").problemText().contains("dense_2"), view("dense_2").problemText());
        assertEquals("1 problem", robot.lookup("#statusProblems").queryAs(Label.class).getText());
        robot.clickOn("#tab-problems");
        robot.clickOn(".problems .list-cell");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(named("dense_2").id(), window.viewModel().selection().single().orElseThrow());

        connect(robot, "dense_1", "dense_2");
        assertEquals("", view("dense_2").problemText());
        assertEquals("✔ No problems", robot.lookup("#statusProblems").queryAs(Label.class).getText());
    }

    @Test
    void inChineseTheProblemsAndTheRefusedConnectionSpeakChinese(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        robot.interact(() -> window.switchLanguage(Locale.SIMPLIFIED_CHINESE));
        try {
            dragFromPalette(robot, "Dense", 0.8, 0.5);
            assertEquals("dense_2 没有输入。请把前一层的输出连接到 dense_2。", view("dense_2").problemText());
            robot.clickOn("#tab-problems");
            assertTrue(robot.lookup(".problems .list-cell").queryAs(javafx.scene.control.ListCell.class).getText()
                    .contains("没有输入"));

            connect(robot, "dense_1", "input_1");
            assertEquals("input_1 是 Input 层：不能有任何层连入它。", window.canvas().hintText());
        } finally {
            robot.interact(() -> window.switchLanguage(Locale.ENGLISH));
        }
        assertEquals("dense_2 has no input. Connect the output of the layer before it to dense_2.", view("dense_2").problemText(),
                "the problems are said again in the language switched to");
    }

    @Test
    void aClickedConnectionIsDeletedWithTheDeleteKey(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        NodeView from = view("dense");
        NodeView to = view("dense_1");
        Point2D a = from.localToScreen(NodeView.WIDTH / 2, NodeView.HEIGHT);
        Point2D b = to.localToScreen(NodeView.WIDTH / 2, 0);
        robot.clickOn(a.midpoint(b).add(0, 4));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(graph().hasEdge(named("dense").id(), named("dense_1").id()));
        assertEquals(1, graph().edges().size());
    }

    @Test
    void aMarqueeSelectsTheLayersItCovers(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        robot.drag(onCanvas(robot, 0.02, 0.02), MouseButton.PRIMARY).moveTo(onCanvas(robot, 0.98, 0.98)).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, window.viewModel().selection().ids().size());
    }

    @Test
    void theZoomButtonsAndFitChangeTheZoom(FxRobot robot) {
        // Two layers: small enough to fit the canvas at 100 % now that the summary below it keeps its height.
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("linear_regression").orElseThrow()));
        double before = window.canvas().zoomProperty().get();
        robot.clickOn("#toolbar-zoomOut");
        assertEquals(before / 1.2, window.canvas().zoomProperty().get(), 1e-9);
        robot.clickOn("#toolbar-fit");
        assertEquals(1.0, window.canvas().zoomProperty().get(), 1e-9, "a small model fits at 100 %");
    }

    @Test
    void aBadParameterValueIsRefusedWithItsReason(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        robot.clickOn(view("dense"));
        setField(robot, "#param-units", "0");

        assertEquals(512, named("dense").params().getInt("units"));
        assertEquals("units must be at least 1; it is 0.", robot.lookup("#param-units-problem").queryAs(Label.class).getText());
    }

    @Test
    void tuplesAreTypedAsCommaSeparatedNumbers(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_cnn").orElseThrow()));
        robot.clickOn(view("conv2d"));
        setField(robot, "#param-kernel_size", "5, 5");

        assertEquals(List.of(5, 5), named("conv2d").params().getTuple("kernel_size"));
        assertEquals("(None, 24, 24, 32)", view("conv2d").shapeText());
    }

    @Test
    void doubleClickingAPaletteLayerAppendsItAfterTheSelection(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("linear_regression").orElseThrow()));
        robot.clickOn(view("dense"));
        // Found as a user finds a layer below the fold: by searching the palette.
        robot.clickOn("#paletteSearch").write("Dropout");
        robot.doubleClickOn("#palette-Dropout");
        WaitForAsyncUtils.waitForFxEvents();

        LayerNode dropout = named("dropout");
        assertTrue(graph().hasEdge(named("dense").id(), dropout.id()));
        assertEquals(dropout.id(), window.viewModel().selection().single().orElseThrow());
        // After a layer that already feeds one, the new layer goes in between, the rest moving down.
        robot.clickOn(view("input_1"));
        robot.doubleClickOn("#palette-Dropout");
        WaitForAsyncUtils.waitForFxEvents();
        LayerNode branch = named("dropout_1");
        assertTrue(graph().hasEdge(named("input_1").id(), branch.id()));
        assertTrue(graph().hasEdge(branch.id(), named("dense").id()));
        assertFalse(graph().hasEdge(named("input_1").id(), named("dense").id()));
        for (LayerNode other : graph().nodes()) {
            boolean overlaps = !other.id().equals(branch.id()) && Math.abs(other.x() - branch.x()) < 190
                    && Math.abs(other.y() - branch.y()) < 84;
            assertTrue(!overlaps, () -> "the new dropout lies on " + other.name());
        }
    }

    @Test
    void theCanvasHasTheKeysAsSoonAsTheWindowOpens(FxRobot robot) {
        // No click first: the canvas's shortcuts work at once, and no text field's caret is blinking.
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("imdb").orElseThrow()));
        assertTrue(window.canvas().isFocused(), "focus: " + window.canvas().getScene().getFocusOwner());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, graph().nodeCount());
    }

    @Test
    void selectAllDeleteAndUndoBringTheModelBack(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("imdb").orElseThrow()));
        robot.clickOn(view("dense"));
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, graph().nodeCount());

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, graph().nodeCount());
        assertEquals(3, graph().edges().size());
    }

    @Test
    void aLayerDroppedOnAConnectionGoesIntoIt(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("linear_regression").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds from = view("input_1").localToScreen(view("input_1").getBoundsInLocal());
        javafx.geometry.Bounds to = view("dense").localToScreen(view("dense").getBoundsInLocal());
        javafx.geometry.Point2D middle = new javafx.geometry.Point2D((from.getCenterX() + to.getCenterX()) / 2,
                (from.getMaxY() + to.getMinY()) / 2);
        robot.clickOn("#paletteSearch").write("Dropout");
        robot.drag("#palette-Dropout", MouseButton.PRIMARY).moveTo(middle).drop();
        WaitForAsyncUtils.waitForFxEvents();
        LayerNode dropout = named("dropout");
        assertTrue(graph().hasEdge(named("input_1").id(), dropout.id()));
        assertTrue(graph().hasEdge(dropout.id(), named("dense").id()));
        assertFalse(graph().hasEdge(named("input_1").id(), named("dense").id()));
    }

    @Test
    void deletingAMiddleLayerJoinsTheChainAgain(FxRobot robot) {
        // Boston housing: Input → Dense 64 → Dense 64 → Dense 1, its second layer near the top of the view.
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("boston_housing").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(view("dense"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(named("dense").id(), window.viewModel().selection().single().orElseThrow());
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(graph().findByName("dense").isPresent());
        assertTrue(graph().hasEdge(named("input_1").id(), named("dense_1").id()));
        assertTrue(window.viewModel().inferenceProperty().get().isValid(), "the chain still fits: no problems");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().hasEdge(named("dense").id(), named("dense_1").id()));
        assertFalse(graph().hasEdge(named("input_1").id(), named("dense_1").id()));
    }

    @Test
    void copyAndPasteMakeRenamedLayersWithTheirInnerConnection(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("boston_housing").orElseThrow()));
        robot.clickOn(view("dense"));
        robot.press(KeyCode.SHIFT).clickOn(view("dense_1")).release(KeyCode.SHIFT);
        robot.push(KeyCode.CONTROL, KeyCode.C);
        robot.push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(6, graph().nodeCount());
        assertTrue(graph().hasEdge(named("dense_3").id(), named("dense_4").id()));
    }

    @Test
    void draggingALayerMovesItAsOneUndoableEdit(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("logistic_regression").orElseThrow()));
        double x = named("dense").x();
        robot.drag(view("dense"), MouseButton.PRIMARY).moveBy(120, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(named("dense").x() > x + 50, "moved right");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(x, named("dense").x());
    }

    @Test
    void autoLayoutIsOneUndoableMove(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("functional_branches").orElseThrow()));
        robot.clickOn("#toolbar-layout");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(named("dense").y() > named("input_1").y());
        assertEquals("Move 5 layers", window.viewModel().undoDescriptionProperty().get());
    }

    @Test
    void openingABadFileShowsTheReasonAndChangesNothing(FxRobot robot) throws IOException {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("reuters").orElseThrow()));
        robot.interact(() -> window.viewModel().document().history().markSaved());
        Path bad = tmp.resolve("broken.ncproj.json");
        Files.writeString(bad, "{ this is not json");
        dialogs.openAnswer = bad;

        robot.push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("broken.ncproj.json is not a NeuralCanvas project"), dialogs.errors.get(0));
        assertEquals(4, graph().nodeCount());
    }

    @Test
    void brokenFilesOfEveryKindGiveTheirSentenceInTheWindow(FxRobot robot) throws IOException {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("reuters").orElseThrow()));
        robot.interact(() -> window.viewModel().document().history().markSaved());
        Path sample = tmp.resolve("sample.ncproj.json");
        robot.interact(() -> {
            try {
                ProjectFile.write(window.viewModel().document().project(), sample);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Path utf16 = tmp.resolve("utf16.ncproj.json");
        Files.write(utf16, Files.readString(sample).getBytes(StandardCharsets.UTF_16));
        Path huge = tmp.resolve("huge.ncproj.json");
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        for (int i = 0; i < 3_000; i++) {
            b.then("Dense", Map.of("units", 4));
        }
        ProjectFile.write(new Project(b.graph(),
                TrainingSettings.defaults(), DatasetChoice.none(),
                List.of()), huge);
        Path folder = Files.createDirectories(tmp.resolve("folder.ncproj.json"));
        Map<Path, String> expected = new LinkedHashMap<>();
        expected.put(utf16, "utf16.ncproj.json is saved as UTF-16 text; NeuralCanvas reads UTF-8.");
        expected.put(huge, "huge.ncproj.json has 3,001 layers; NeuralCanvas opens models of up to 2,000 layers.");
        expected.put(folder, "is a folder, not a project file.");
        for (var e : expected.entrySet()) {
            dialogs.errors.clear();
            dialogs.openAnswer = e.getKey();
            robot.push(KeyCode.CONTROL, KeyCode.O);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(1, dialogs.errors.size(), e.getKey().toString());
            assertTrue(dialogs.errors.get(0).contains(e.getValue()), dialogs.errors.get(0));
            assertEquals(4, graph().nodeCount(), "the open model is still there");
            assertEquals("", window.viewModel().openingProperty().get(), "the status bar no longer says Opening");
        }
        Path bom = tmp.resolve("bom.ncproj.json");
        Files.writeString(bom, "\uFEFF" + Files.readString(sample));
        dialogs.errors.clear();
        dialogs.openAnswer = bom;
        robot.push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), dialogs.errors, "a byte-order mark is fine");
        assertEquals(bom, window.viewModel().document().file());
    }

    @Test
    void unsavedChangesAreNotReplacedWhenTheUserCancels(FxRobot robot) {
        dragFromPalette(robot, "Input", 0.5, 0.3);
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.CANCEL;

        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, dialogs.unsavedQuestions);
        assertEquals(1, graph().nodeCount());
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindowOpen(FxRobot robot) {
        dragFromPalette(robot, "Input", 0.5, 0.3);
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.CANCEL;

        robot.interact(window::requestClose);

        assertEquals(1, dialogs.unsavedQuestions);
        assertTrue(window.stage().isShowing());
    }

    @Test
    void aFailedSaveSaysWhyInTheWindowsLanguageAndKeepsTheWork(FxRobot robot) throws IOException {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        robot.interact(() -> window.viewModel().execute(
                ChangeNodeEdit.setParam(graph(), named("dense").id(), "units", 100)));
        robot.interact(() -> window.switchLanguage(Locale.SIMPLIFIED_CHINESE));
        Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "a file where a folder should be");
        Path nowhere = notAFolder.resolve("model.ncproj.json");
        dialogs.saveAnswer = nowhere;
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).startsWith("无法保存 model.ncproj.json："), dialogs.errors.get(0));
        assertTrue(dialogs.errors.get(0).endsWith("请选择其他文件夹或释放磁盘空间，然后重新保存。"), dialogs.errors.get(0));
        assertFalse(Files.exists(nowhere));
        assertEquals(3, graph().nodeCount(), "the model is still open");
        assertTrue(window.viewModel().dirtyProperty().get(), "and still unsaved");
        robot.interact(() -> window.switchLanguage(Locale.ENGLISH));
    }

    @Test
    void anUnknownTemplateOnTheCommandLineIsExplained(FxRobot robot) {
        robot.interact(() -> NeuralCanvasApp.openFromArguments(window, List.of("--template=iris_mlp")));
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).startsWith("There is no template called \"iris_mlp\". Choose one of: mnist_mlp, "),
                dialogs.errors.get(0));
        robot.interact(() -> NeuralCanvasApp.openFromArguments(window, List.of("--template=mnist_mlp")));
        assertEquals(3, graph().nodeCount());
    }

    @Test
    void theLanguageSwitchesToChineseAndIsRemembered(FxRobot robot) {
        robot.interact(() -> window.fileActions().newFromTemplate(window.context().templates().find("mnist_mlp").orElseThrow()));
        robot.interact(() -> window.switchLanguage(Locale.SIMPLIFIED_CHINESE));

        assertTrue(totals().startsWith("总参数：407,050"), totals());
        assertEquals(3, graph().nodeCount(), "the open model survives the rebuild");
        assertEquals("zh", new UserFiles(home).language().getLanguage());
        robot.interact(() -> window.switchLanguage(Locale.ENGLISH));
        assertTrue(totals().startsWith("Total params: 407,050"), totals());

        // The rebuilt window's shortcuts act once: Ctrl+Z undoes one edit, not one per build.
        String dense = named("dense").id();
        robot.interact(() -> {
            window.viewModel().execute(ChangeNodeEdit.setParam(graph(), dense, "units", 100));
            window.viewModel().execute(ChangeNodeEdit.setParam(graph(), dense, "units", 200));
        });
        robot.clickOn(onCanvas(robot, 0.05, 0.95));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, named("dense").params().getInt("units"));
    }

    @Test
    void anAutosaveThatCannotBeWrittenIsSaidOnceInTheStatusBarUntilOneWorks(FxRobot robot) throws Exception {
        Path recovery = home.resolve("recovery.ncproj.json");
        Files.createDirectories(recovery.resolve("in-the-way")); // a folder where the copy goes: every write fails
        dragFromPalette(robot, "Input", 0.5, 0.3);
        robot.interact(() -> window.autosave().runOnce());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label said = robot.lookup("#status-autosave").queryAs(javafx.scene.control.Label.class);
        assertTrue(said.getText().startsWith("Autosave failed (" + recovery), said.getText());
        assertTrue(said.getText().endsWith("save your work with File ▸ Save."), said.getText());
        assertTrue(said.isVisible());

        Files.delete(recovery.resolve("in-the-way"));
        Files.delete(recovery);
        dragFromPalette(robot, "Dense", 0.5, 0.6);
        robot.interact(() -> window.autosave().runOnce());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(recovery));
        assertEquals("", said.getText(), "autosave works again");
        assertFalse(said.isVisible());
    }

    @Test
    void autosavedWorkIsOfferedAfterACrash(FxRobot robot) {
        dragFromPalette(robot, "Input", 0.5, 0.3);
        robot.interact(() -> window.autosave().runOnce());
        assertTrue(Files.isRegularFile(home.resolve("recovery.ncproj.json")));

        // The next start, as if the app had crashed: it offers the recovered work.
        ScriptedDialogs next = new ScriptedDialogs();
        next.restore = true;
        MainWindow[] second = new MainWindow[1];
        robot.interact(() -> {
            second[0] = NeuralCanvasApp.open(AppContext.of(new UserFiles(home), Runnable::run, next, next), new Stage());
            second[0].show();
        });
        assertEquals(1, second[0].viewModel().document().graph().nodeCount());
        assertTrue(second[0].viewModel().dirtyProperty().get(), "recovered work is unsaved");
        robot.interact(() -> second[0].stage().hide());
    }

    @Test
    void theBackendSlotShowsWhatTheEngineReports(FxRobot robot) {
        assertEquals("Backend: CPU", robot.lookup("#statusBackend").queryAs(Label.class).getText());
        robot.interact(() -> window.viewModel().backendDescriptionProperty().set("CUDA 11.6 on RTX 3080"));
        assertEquals("Backend: CUDA 11.6 on RTX 3080", robot.lookup("#statusBackend").queryAs(Label.class).getText());
        String notice = "CPU: AMD EPYC (2 cores), generic x86-64 build — The AVX-512 + oneDNN build of the maths library "
                + "could not be loaded, so NeuralCanvas uses the generic x86-64 build, which may be slower.";
        robot.interact(() -> window.viewModel().backendDescriptionProperty().set(notice));
        Label backend = robot.lookup("#statusBackend").queryAs(Label.class);
        assertEquals("Backend: " + notice, backend.getTooltip().getText(), "a cut sentence can be read in full");
    }

}
