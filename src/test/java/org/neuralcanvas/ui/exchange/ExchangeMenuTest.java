package org.neuralcanvas.ui.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.ui.ScriptedDialogs;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.main.AppContext;
import org.neuralcanvas.ui.main.MainWindow;
import org.neuralcanvas.ui.main.NeuralCanvasApp;
import org.neuralcanvas.ui.document.Prompts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu's export and import, driven through the menu as a person would. */
@ExtendWith(ApplicationExtension.class)
class ExchangeMenuTest {

    @TempDir
    static Path tmp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Path exportAnswer;
    private Path importAnswer;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        AppContext ctx = AppContext.of(new UserFiles(Files.createTempDirectory(tmp, "home")), Runnable::run, dialogs, dialogs);
        ctx.addFeature(new ExchangeMenu(w -> new ExchangeDialogs() {
            @Override
            public Optional<Path> chooseExportFile(ExportKind kind, String suggestedName) {
                return Optional.ofNullable(exportAnswer);
            }

            @Override
            public Optional<Path> chooseKerasModel() {
                return Optional.ofNullable(importAnswer);
            }
        }));
        window = NeuralCanvasApp.open(ctx, stage);
        window.show();
        window.viewModel().newFromTemplate(ctx.templates().find("mnist_cnn").orElseThrow());
    }

    private void menu(FxRobot robot, String itemId) {
        robot.clickOn("File");
        robot.clickOn("#" + itemId);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void exportsTheOpenModelAsAnSvgDiagramWithEveryLayer(FxRobot robot) throws IOException {
        exportAnswer = tmp.resolve("cnn.svg");
        menu(robot, "menu-export-diagram");
        String svg = Files.readString(exportAnswer, StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg);
        for (LayerNode n : window.viewModel().document().graph().nodes()) {
            assertTrue(svg.contains(n.name()), "the diagram shows " + n.name());
        }
        assertTrue(svg.contains("(None, 12, 12, 64)"), "shapes are drawn");
    }

    @Test
    void exportsAPngWhenTheFileEndsInPng(FxRobot robot) throws IOException {
        exportAnswer = tmp.resolve("cnn.png");
        menu(robot, "menu-export-diagram");
        byte[] png = Files.readAllBytes(exportAnswer);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void exportsRunnableKerasCodeForTheModel(FxRobot robot) throws IOException {
        exportAnswer = tmp.resolve("cnn.py");
        menu(robot, "menu-export-keras");
        String py = Files.readString(exportAnswer, StandardCharsets.UTF_8);
        assertTrue(py.contains("layers.Conv2D(filters=32, kernel_size=(3, 3)"), py);
        assertTrue(py.contains("model.fit("), py);
    }

    @Test
    void importsAKerasModelAsANewUnsavedProject(FxRobot robot) throws URISyntaxException {
        importAnswer = Path.of(getClass().getResource("/keras/keras2_sequential_mlp.h5").toURI());
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        menu(robot, "menu-import-keras");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> window.viewModel().document().graph().findByName("dense_3").isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("the import did not finish; errors: " + dialogs.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("dense_1", "dropout_1", "dense_2", "dropout_2", "dense_3"),
                window.viewModel().document().graph().nodes().stream()
                        .filter(n -> !n.kind().isInput()).map(LayerNode::name).toList());
        assertTrue(window.viewModel().summaryProperty().get().totalParams() == 55_050);
        assertTrue(window.stage().getTitle().contains("Untitled") || window.viewModel().fileNameProperty().get().isEmpty());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aKeras3FileOpensLaidOutAndNamedAfterTheFile(FxRobot robot) throws URISyntaxException {
        importAnswer = Path.of(getClass().getResource("/keras/keras3_functional_lstm.keras").toURI());
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        menu(robot, "menu-import-keras");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> window.viewModel().document().graph().findByName("bidirectional").isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("the import did not finish; errors: " + dialogs.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(610, window.viewModel().summaryProperty().get().totalParams());
        assertTrue(window.stage().getTitle().startsWith("keras3_functional_lstm.keras"), window.stage().getTitle());
        List<Double> ys = window.viewModel().document().graph().nodes().stream().map(LayerNode::y).distinct().toList();
        assertEquals(4, ys.size(), "the input and three layers each on a row of their own: " + ys);
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aFileThatIsNotKerasIsExplainedAndNothingChanges(FxRobot robot) throws URISyntaxException {
        importAnswer = Path.of(getClass().getResource("/keras/not_hdf5.h5").toURI());
        dialogs.unsavedAnswer = Prompts.UnsavedAnswer.DISCARD;
        int before = window.viewModel().document().graph().nodeCount();
        menu(robot, "menu-import-keras");
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("no message was shown", e);
        }
        assertTrue(dialogs.errors.get(0).contains("not_hdf5.h5"), dialogs.errors.toString());
        assertEquals(before, window.viewModel().document().graph().nodeCount());
    }
}
