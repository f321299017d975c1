package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.io.Npy;

/** predict: an imported model's outputs on Keras's stored inputs, in .npy and CSV, equal Keras's (1e-5). */
class PredictCommandTest extends CliTestBase {

    private static Path resource(String name) throws Exception {
        return Path.of(PredictCommandTest.class.getResource("/keras/" + name).toURI());
    }

    private Path imported(String keras) throws Exception {
        Path model = dir.resolve(keras + ".nc.zip");
        assertEquals(0, run("import-keras", resource(keras).toString(), dir.resolve(keras + ".json").toString(),
                "--model", model.toString()), err::toString);
        return model;
    }

    @Test
    void twoInputsFromNumpyFilesGiveKerassPredictions() throws Exception {
        Path model = imported("keras2_functional_two_inputs.h5");
        Path y = dir.resolve("y.npy");
        assertEquals(0, run("predict", model.toString(), "--input",
                resource("keras2_functional_two_inputs.input0.npy").toString(), "--input",
                resource("keras2_functional_two_inputs.input1.npy").toString(), "--out", y.toString()), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("2 predictions of 3 values each"), out::toString);
        Npy got = Npy.read(y);
        Npy expected = Npy.read(resource("keras2_functional_two_inputs.expected.npy"));
        assertArrayEquals(expected.shape(), got.shape());
        for (int i = 0; i < got.values().length; i++) {
            assertEquals(expected.values()[i], got.values()[i], 1e-5);
        }
    }

    @Test
    void csvRowsInAndOut() throws Exception {
        Path model = imported("keras3_sequential_mlp.keras");
        Npy x = Npy.read(resource("keras3_sequential_mlp.input.npy"));
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < x.shape()[0]; r++) {
            for (int c = 0; c < x.shape()[1]; c++) {
                csv.append(c == 0 ? "" : ",").append(x.values()[(int) (r * x.shape()[1] + c)]);
            }
            csv.append('\n');
        }
        Path in = Files.writeString(dir.resolve("x.csv"), csv);
        Path y = dir.resolve("y.csv");
        assertEquals(0, run("predict", model.toString(), "--input", in.toString(), "--out", y.toString()), err::toString);
        List<String> rows = Files.readAllLines(y);
        Npy expected = Npy.read(resource("keras3_sequential_mlp.expected.npy"));
        assertEquals(3, rows.size());
        String[] first = rows.get(0).split(",");
        for (int i = 0; i < first.length; i++) {
            assertEquals(expected.values()[i], Float.parseFloat(first[i]), 1e-5);
        }
    }

    @Test
    void exportedKerasFilesImportAgainWithTheSameWeights() throws Exception {
        Path model = imported("keras2_functional_two_inputs.h5");
        for (String format : List.of(".keras", ".h5")) {
            Path keras = dir.resolve("again" + format);
            assertEquals(0, run("export-keras-model", model.toString(), keras.toString()), err::toString);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Wrote " + keras), out::toString);
            assertEquals(0, run("import-keras", keras.toString(), dir.resolve("again" + format + ".json").toString(),
                    "--model", dir.resolve("again" + format + ".nc.zip").toString()), err::toString);
        }
        assertEquals(1, run("export-keras-model", model.toString(), dir.resolve("again.keras").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exists. Add --force"), err::toString);
    }

    @Test
    void evaluateScoresAnImportedModelOnTheTestSet() throws Exception {
        Path model = imported("keras3_mnist_mlp.keras");
        assertEquals(0, run("evaluate", model.toString(), "--dataset", "mnist"), err::toString);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Test: 10000 samples - loss: "), text);
        assertTrue(text.contains("accuracy: "), text);
        assertEquals(1, run("evaluate", model.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("names no dataset. Choose one with --dataset"),
                err::toString);
    }

    @Test
    void arraysThatDoNotFitTheModelAreASentence() throws Exception {
        Path model = imported("keras3_sequential_mlp.keras");
        Path y = dir.resolve("y.npy");
        assertEquals(1, run("predict", model.toString(), "--input",
                resource("keras2_sequential_mlp.input.npy").toString(), "--out", y.toString()));
        assertEquals("Input input_layer takes samples of shape (None, 16); the array given is (3, 784). The first axis is "
                + "the batch.", err.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse(""));
        assertFalse(Files.exists(y));
    }
}
