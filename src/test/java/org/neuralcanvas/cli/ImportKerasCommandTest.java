package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.io.Npy;
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
        assertEquals(0, run("import-keras", resource("keras2_sequential_locally_connected.h5"),
                dir.resolve("g.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("locally_connected1d (LocallyConnected1D) was left out"),
                err::toString);
    }

    @Test
    void aBadFileIsASentence() throws Exception {
        assertEquals(1, run("import-keras", resource("not_hdf5.h5"), dir.resolve("x.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is neither an HDF5 file nor a zip"), err::toString);
    }

    @Test
    void withModelTheTrainedWeightsAreWrittenAndPredictAsInKeras() throws Exception {
        Path project = dir.resolve("mlp.ncproj.json");
        Path model = dir.resolve("mlp.nc.zip");
        assertEquals(0, run("import-keras", resource("keras3_sequential_mlp.keras"), project.toString(), "--model",
                model.toString()), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Wrote " + model + " with 304 trained weights"),
                out::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Checked against Keras's own formulas with the "
                + "file's weights: dense, batch_normalization, dense_1."), err::toString);
        var loaded = ModelStore.load(model);
        var x = Npy.read(Path.of(resource("keras3_sequential_mlp.input.npy")));
        var expected = Npy.read(Path.of(resource("keras3_sequential_mlp.expected.npy")));
        float[] got = loaded.network().output(false, Nd4j.create(x.values(), x.shape(), 'c'))[0]
                .dup('c').data().asFloat();
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected.values()[i], got[i], 1e-5);
        }
    }

    @Test
    void withoutWeightsNoModelFileIsWrittenAndTheReasonIsGiven() throws Exception {
        Path model = dir.resolve("local.nc.zip");
        assertEquals(1, run("import-keras", resource("keras2_sequential_locally_connected.h5"),
                dir.resolve("local.json").toString(), "--model", model.toString()));
        assertFalse(Files.exists(model));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("locally_connected1d (LocallyConnected1D) has weights in the file but is not in the "
                + "graph"), text);
        assertTrue(text.contains("No model file was written"), text);
        assertTrue(Files.exists(dir.resolve("local.json")), "the architecture is still saved");
    }

    @Test
    void anExistingProjectIsNotReplacedWithoutForce() throws Exception {
        Path project = dir.resolve("mlp.ncproj.json");
        Files.writeString(project, "mine");
        assertEquals(1, run("import-keras", resource("keras2_sequential_mlp.h5"), project.toString()));
        assertEquals("mine", Files.readString(project));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists. Add --force to replace it"), err::toString);
        assertEquals(0, run("import-keras", resource("keras2_sequential_mlp.h5"), project.toString(), "--force"));
    }
}
