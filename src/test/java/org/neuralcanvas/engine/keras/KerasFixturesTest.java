package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.engine.io.Npy;

/**
 * Each Keras fixture with weights (src/test/resources/keras, made by generate.py; see
 * docs/keras-import-test-files.md) opens with its weights, and our network's prediction on the fixed
 * inputs stored beside it equals what Keras's formulas give with the stored weights, within 1e-5.
 */
class KerasFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "keras2_sequential_mlp.h5, keras2_sequential_mlp, 55050",
            "keras1_sequential_mlp.h5, keras1_sequential_mlp, 50890",
            "keras2_functional_mnist_cnn.h5, keras2_functional_mnist_cnn, 1199882",
            "keras2_functional_residual.h5, keras2_functional_residual, 2545",
            "keras2_sequential_lstm.h5, keras2_sequential_lstm, 23242",
            "keras2_tf2_sequential_lstm.h5, keras2_tf2_sequential_lstm, 14922",
            "keras2_functional_cnn_bn.h5, keras2_functional_cnn_bn, 439",
            "keras2_sequential_bilstm.h5, keras2_sequential_bilstm, 1449",
            "keras2_functional_two_inputs.h5, keras2_functional_two_inputs, 195",
            "keras3_sequential_mlp.keras, keras3_sequential_mlp, 304",
            "keras3_sequential_mlp.h5, keras3_sequential_mlp_h5, 304",
            "keras3_functional_lstm.keras, keras3_functional_lstm, 610",
            "keras3_mnist_mlp.keras, keras3_mnist_mlp, 25450",
            "keras2_channels_first_cnn.h5, keras2_channels_first_cnn, 169",
            "keras1_theano_cnn.h5, keras1_theano_cnn, 169"})
    void predictsWhatKerasComputesWithTheStoredWeights(String file, String stem, long weights) throws Exception {
        KerasImportResult r = new KerasImporter().importFile(KerasImporterTest.resource(file),
                KerasImportOptions.defaults(), ImportProgress.NONE, () -> false);
        assertTrue(r.weightsLoaded(), () -> file + ": " + r.messages() + " " + r.issues());
        assertEquals(weights, r.weightCount());
        assertEquals(r.summary().totalParams(), r.weightCount(), "every weight of the summary came from the file");
        List<INDArray> inputs = new ArrayList<>();
        for (String name : List.of(stem + ".input.npy", stem + ".input0.npy", stem + ".input1.npy")) {
            Path path = KerasImporterTest.resource("keras2_sequential_mlp.h5").resolveSibling(name);
            if (Files.exists(path)) {
                Npy x = Npy.read(path);
                INDArray in = Nd4j.create(x.values(), x.shape(), 'c');
                // Channels-first files open channels-last: their stored (batch, channels, h, w) inputs are turned round.
                inputs.add(stem.contains("channels_first") || stem.contains("theano") ? in.permute(0, 2, 3, 1).dup('c')
                        : in);
            }
        }
        Npy expected = Npy.read(KerasImporterTest.resource(stem + ".expected.npy"));
        INDArray got = r.model().network().output(false, inputs.toArray(INDArray[]::new))[0];
        assertArrayEquals(expected.shape(), got.shape());
        float[] ours = got.castTo(DataType.FLOAT).dup('c').data().asFloat();
        for (int i = 0; i < ours.length; i++) {
            assertEquals(expected.values()[i], ours[i], 1e-5, file + " output " + i);
        }
    }
}
