package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.export.SvgDiagramExporter;
import org.neuralcanvas.project.ProjectFile;

class ExportSvgCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NeuralCanvasCli.standard().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path project() throws Exception {
        Path file = dir.resolve("mnist-mlp.ncproj.json");
        try (var in = getClass().getResourceAsStream("/projects/mnist-mlp-v1.ncproj.json")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void writesTheSameSvgAsTheExporter() throws Exception {
        Path project = project();
        Path svg = dir.resolve("out.svg");
        assertEquals(0, run("export-svg", project.toString(), svg.toString()), err::toString);
        assertEquals(new SvgDiagramExporter().export(ProjectFile.read(project).graph()), Files.readString(svg));
    }

    @Test
    void writesAPngWhenAskedFor() throws Exception {
        Path png = dir.resolve("out.png");
        assertEquals(0, run("export-svg", project().toString(), png.toString()), err::toString);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void wrongEndingIsExplained() throws Exception {
        assertEquals(2, run("export-svg", project().toString(), dir.resolve("out.jpg").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Name the file with .svg"));
    }

    @Test
    void exportKerasWritesTheScriptNamedAfterTheFile() throws Exception {
        Path py = dir.resolve("mnist mlp.py");
        assertEquals(0, run("export-keras", project().toString(), py.toString()), err::toString);
        String script = Files.readString(py);
        assertTrue(script.contains("], name='mnist_mlp')"), script);
        assertTrue(script.contains("keras.datasets.mnist.load_data()"));
    }
}
