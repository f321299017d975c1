package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.export.SvgDiagramExporter;
import org.neuralcanvas.project.ProjectFile;

class ExportSvgCommandTest extends CliTestBase {

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

    @Test
    void aDamagedProjectOrMissingArgumentsAreExplainedAndNothingIsWritten() throws Exception {
        Path damaged = Files.writeString(dir.resolve("damaged.ncproj.json"), "{\"format\": \"neuralcanvas-project\", ");
        Path py = dir.resolve("out.py");
        assertEquals(1, run("export-keras", damaged.toString(), py.toString()));
        assertTrue(errors().contains("damaged.ncproj.json"), errors());
        assertTrue(Files.notExists(py));
        assertEquals(2, run("export-keras", project().toString()));
        assertTrue(errors().contains("Usage: export-keras PROJECT.json OUT.py"), errors());
    }
}
