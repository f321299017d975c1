package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.ProjectFile;

class ImportKerasCommandTest extends CliTestBase {

    private static String resource(String name) throws Exception {
        return Path.of(ImportKerasCommandTest.class.getResource("/keras/" + name).toURI()).toString();
    }

    @Test
    void importsAKerasFileIntoAProjectThatOpensAgain() throws Exception {
        Path project = dir.resolve("cnn.ncproj.json");
        assertEquals(0, run("import-keras", resource("keras2_functional_mnist_cnn.h5"), project.toString()), err::toString);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Model: \"mnist\""), text);
        assertTrue(text.contains("Total params: 1,199,882"), text);
        assertEquals(9, ProjectFile.read(project).graph().nodes().size(), "the input and eight layers");
    }

    @Test
    void leftOutLayersAreNamedOnStderr() throws Exception {
        assertEquals(0, run("import-keras", resource("keras2_sequential_gru.h5"), dir.resolve("g.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("gru (GRU) was left out"), err::toString);
    }

    @Test
    void aBadFileIsASentence() throws Exception {
        assertEquals(1, run("import-keras", resource("not_hdf5.h5"), dir.resolve("x.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not an HDF5 file"), err::toString);
    }
}
