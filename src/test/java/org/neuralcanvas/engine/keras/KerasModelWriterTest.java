package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.engine.io.Npy;

/**
 * A model written as .keras and as .h5 opens again with the same weights: the round trip through
 * our writer and our reader predicts what Keras computes for the original file (1e-5), and the
 * files have the layout Keras 3 reads (entries, config classes, weight paths).
 */
class KerasModelWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} as {2}")
    @CsvSource({
            "keras3_sequential_mlp.keras, keras3_sequential_mlp, .keras",
            "keras3_sequential_mlp.keras, keras3_sequential_mlp, .h5",
            "keras2_functional_cnn_bn.h5, keras2_functional_cnn_bn, .keras",
            "keras2_functional_cnn_bn.h5, keras2_functional_cnn_bn, .h5",
            "keras2_sequential_bilstm.h5, keras2_sequential_bilstm, .keras",
            "keras2_sequential_bilstm.h5, keras2_sequential_bilstm, .h5",
            "keras2_functional_two_inputs.h5, keras2_functional_two_inputs, .keras",
            "keras3_functional_lstm.keras, keras3_functional_lstm, .h5"})
    void writtenFilesOpenAgainAndPredictAsKeras(String file, String stem, String format) throws Exception {
        KerasImportResult original = importFile(KerasImporterTest.resource(file));
        assertTrue(original.weightsLoaded(), original.messages()::toString);
        Path written = dir.resolve(stem + format);
        KerasModelWriter.write(original.model(), original.project(), original.modelName(), written);
        KerasImportResult again = importFile(written);
        assertTrue(again.weightsLoaded(), () -> again.messages() + " " + again.issues());
        assertTrue(again.complete(), again.issues()::toString);
        assertEquals(original.weightCount(), again.weightCount());
        assertEquals(original.project().settings().loss(), again.project().settings().loss());
        assertEquals(original.project().settings().optimizer(), again.project().settings().optimizer());
        List<INDArray> inputs = new ArrayList<>();
        for (String name : List.of(stem + ".input.npy", stem + ".input0.npy", stem + ".input1.npy")) {
            Path path = KerasImporterTest.resource(file).resolveSibling(name);
            if (Files.exists(path)) {
                Npy x = Npy.read(path);
                inputs.add(Nd4j.create(x.values(), x.shape(), 'c'));
            }
        }
        Npy expected = Npy.read(KerasImporterTest.resource(stem + ".expected.npy"));
        float[] got = again.model().network().output(false, inputs.toArray(INDArray[]::new))[0].dup('c').data().asFloat();
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected.values()[i], got[i], 1e-5, written + " output " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"keras3_sequential_mlp.keras, Sequential, layers/dense/vars/0, layers/batch_normalization/vars/3",
            "keras3_functional_lstm.keras, Sequential, layers/lstm/cell/vars/2, "
                    + "layers/bidirectional/backward_layer/cell/vars/2",
            "keras2_functional_two_inputs.h5, Functional, layers/dense/vars/0, layers/dense_2/vars/1"})
    void aKerasFileHasKeras3sLayout(String file, String modelClass, String firstPath, String otherPath)
            throws Exception {
        KerasImportResult original = importFile(KerasImporterTest.resource(file));
        Path written = dir.resolve("out.keras");
        KerasModelWriter.write(original.model(), original.project(), "model", written);
        try (ZipFile zip = new ZipFile(written.toFile())) {
            assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"),
                    zip.stream().map(ZipEntry::getName).toList());
            JsonNode config = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("config.json")));
            assertEquals(modelClass, config.path("class_name").asText());
            assertEquals("keras.layers", config.path("config").path("layers").get(0).path("module").asText());
            assertEquals("InputLayer", config.path("config").path("layers").get(0).path("class_name").asText());
            assertTrue(config.path("compile_config").path("optimizer").path("config").has("learning_rate"));
            JsonNode meta = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("metadata.json")));
            assertTrue(meta.path("keras_version").asText().startsWith("3."));
            try (Hdf5Reader h5 = Hdf5Reader.of(zip.getInputStream(zip.getEntry("model.weights.h5")).readAllBytes())) {
                assertTrue(h5.isDataset(firstPath), firstPath);
                assertTrue(h5.isDataset(otherPath), otherPath);
            }
        }
    }

    /**
     * MultiHeadAttention, self- and cross-attention, leaves as a Keras file (its projections under their Keras 3
     * sub-layers, or Keras 2's query/key/value/attention_output) and opens again computing the same.
     */
    @ParameterizedTest
    @CsvSource({".keras", ".h5"})
    void attentionGoesToAKerasFileAndBack(String format) throws Exception {
        roundTrip(org.neuralcanvas.engine.SampleModels.attention(), format,
                Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 6, 4),
                Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 3, 5));
    }

    /** TimeDistributed layers leave as Keras's wrapper (weights under the wrapper's layer/) and come back. */
    @ParameterizedTest
    @CsvSource({".keras", ".h5"})
    void timeDistributedLayersGoToAKerasFileAndBack(String format) throws Exception {
        roundTrip(org.neuralcanvas.engine.SampleModels.frames(), format,
                Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 4, 6, 6, 2));
    }

    /** Bidirectional GRUs (our two halves) leave as Keras's forward_gru/backward_gru and come back. */
    @ParameterizedTest
    @CsvSource({".keras", ".h5"})
    void bidirectionalGrusGoToAKerasFileAndBack(String format) throws Exception {
        roundTrip(org.neuralcanvas.engine.SampleModels.bidirectionalGru(), format,
                Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 5, 3));
    }

    /** The graph with random weights, written in the format, imported again: the same weights, the same outputs. */
    private void roundTrip(org.neuralcanvas.domain.graph.ModelGraph graph, String format, INDArray... x)
            throws Exception {
        var settings = org.neuralcanvas.project.TrainingSettings.defaults().withLoss("mse");
        var compiled = org.neuralcanvas.engine.compile.Dl4jCompiler.compile(graph, settings);
        assertTrue(compiled.ok(), compiled.problems()::toString);
        var net = new org.deeplearning4j.nn.graph.ComputationGraph(compiled.model().configuration());
        net.init();
        net.params().assign(Nd4j.rand(net.params().dataType(), net.params().shape()).subi(0.5));
        var model = new org.neuralcanvas.engine.train.TrainedModel(net, compiled.model(),
                org.neuralcanvas.engine.train.DataDescriptor.regression(), List.of());
        Path written = dir.resolve("model" + format);
        KerasModelWriter.write(model, new org.neuralcanvas.project.Project(graph, settings,
                org.neuralcanvas.project.DatasetChoice.none(), List.of()), "model", written);
        KerasImportResult again = importFile(written);
        assertTrue(again.weightsLoaded(), () -> again.messages() + " " + again.issues());
        assertEquals(net.params().length(), again.weightCount());
        INDArray want = net.output(false, x)[0];
        INDArray got = again.model().network().output(false, x)[0];
        assertTrue(want.equalsWithEps(got, 1e-5), () -> want + " vs " + got);
    }

    private static KerasImportResult importFile(Path file) throws KerasImportException {
        return new KerasImporter().importFile(file, KerasImportOptions.defaults(), ImportProgress.NONE, () -> false);
    }
}
