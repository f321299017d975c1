package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.SummaryRow;
import org.neuralcanvas.domain.text.ByteSizes;

/**
 * Imports the Keras files of src/test/resources/keras (see docs/keras-import-test-files.md) and
 * checks the summary a user sees against the model's own Keras configuration.
 */
class KerasImporterTest {

    private final KerasImporter importer = new KerasImporter();

    static Path resource(String name) {
        try {
            return Path.of(KerasImporterTest.class.getResource("/keras/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private KerasImportResult open(String name) throws KerasImportException {
        return importer.importFile(resource(name), KerasImportOptions.defaults(), ImportProgress.NONE, () -> false);
    }

    private static List<String> rows(ModelSummary summary) {
        return summary.rows().stream().map(r -> r.layer() + " " + r.outputShape() + " " + r.params()).toList();
    }

    @Test
    void keras2SequentialMlpOpensWithItsShapesCountsAndWeights() throws Exception {
        KerasImportResult r = open("keras2_sequential_mlp.h5");
        assertEquals(List.of("dense_1 (Dense) (None, 64) 50240", "dropout_1 (Dropout) (None, 64) 0",
                "dense_2 (Dense) (None, 64) 4160", "dropout_2 (Dropout) (None, 64) 0",
                "dense_3 (Dense) (None, 10) 650"), rows(r.summary()));
        assertEquals(55_050, r.summary().totalParams());
        assertEquals("2.2.4", r.kerasVersion());
        assertTrue(r.complete());
        assertTrue(r.weightsLoaded(), () -> String.join("\n", r.messages()));
        assertEquals(55_050, r.weightCount());
        try (Hdf5Reader file = Hdf5Reader.open(resource("keras2_sequential_mlp.h5"))) {
            KerasArray kernel = file.floats("model_weights/dense_1/dense_1/kernel:0", 1 << 20);
            INDArray ours = r.model().network().getLayer("dense_1").getParam("W");
            assertEquals(Nd4j.create(kernel.values(), kernel.shape(), 'c'), ours,
                    "the file's trained weights");
        }
        assertTrue(r.messages().contains("Checked against Keras's own formulas with the file's weights: dense_1, "
                + "dense_2, dense_3."), () -> String.join("\n", r.messages()));
        assertEquals("rmsprop", r.project().settings().optimizer().name());
        assertEquals(List.of("accuracy"), r.project().settings().metrics());
    }

    @Test
    void keras2FunctionalConvnetMatchesTheKerasExampleSummary() throws Exception {
        KerasImportResult r = open("keras2_functional_mnist_cnn.h5");
        // A functional model that is a chain gets Keras's Sequential-style summary, without the Input row.
        assertEquals(List.of("conv2d_15 (Conv2D) (None, 26, 26, 32) 320",
                "conv2d_16 (Conv2D) (None, 24, 24, 64) 18496", "max_pooling2d_8 (MaxPooling2D) (None, 12, 12, 64) 0",
                "dropout_15 (Dropout) (None, 12, 12, 64) 0", "flatten_8 (Flatten) (None, 9216) 0",
                "dense_15 (Dense) (None, 128) 1179776", "dropout_16 (Dropout) (None, 128) 0",
                "dense_16 (Dense) (None, 10) 1290"), rows(r.summary()));
        assertEquals(1_199_882, r.summary().totalParams());
        assertEquals("mnist", r.modelName());
        assertTrue(r.weightsLoaded(), () -> String.join("\n", r.messages()));
        assertEquals(1_199_882, r.weightCount());
    }

    @Test
    void functionalGraphKeepsItsMergesInInputOrder() throws Exception {
        KerasImportResult r = open("keras2_functional_residual.h5");
        ModelSummary s = r.summary();
        assertEquals(2_545, s.totalParams());
        assertEquals(64, s.nonTrainableParams(), "BatchNormalization's moving mean and variance");
        SummaryRow add = s.rows().stream().filter(x -> x.layer().startsWith("add ")).findFirst().orElseThrow();
        assertEquals(List.of("dense[0][0]", "batch_normalization[0][0]"), add.connectedTo());
        SummaryRow concat = s.rows().stream().filter(x -> x.layer().startsWith("concatenate ")).findFirst().orElseThrow();
        assertEquals("(None, 40)", concat.outputShape());
        assertTrue(r.complete());
    }

    @Test
    void stackedLstmOpensWithItsWeights() throws Exception {
        KerasImportResult r = open("keras2_sequential_lstm.h5");
        assertEquals(List.of("lstm_1 (LSTM) (None, 8, 32) 6272", "lstm_2 (LSTM) (None, 8, 32) 8320",
                "lstm_3 (LSTM) (None, 32) 8320", "dense_1 (Dense) (None, 10) 330"), rows(r.summary()));
        assertEquals(23_242, r.summary().totalParams());
        assertTrue(r.weightsLoaded(), () -> String.join("\n", r.messages()));
    }

    @Test
    void tf2KerasFileWithInputLayerAndCellWeightsOpensWithWeightsAndSettings() throws Exception {
        KerasImportResult r = open("keras2_tf2_sequential_lstm.h5");
        assertEquals(List.of("lstm (LSTM) (None, 8, 32) 6272", "lstm_1 (LSTM) (None, 32) 8320",
                "dense (Dense) (None, 10) 330"), rows(r.summary()));
        assertTrue(r.weightsLoaded(), () -> String.join("\n", r.messages()));
        assertEquals(14_922, r.weightCount());
        var settings = r.project().settings();
        assertEquals("sparse_categorical_crossentropy", settings.loss());
        assertEquals("adam", settings.optimizer().name());
        assertEquals(0.0005, settings.optimizer().learningRate());
        assertEquals(List.of("accuracy"), settings.metrics());
    }

    @Test
    void keras1ArgumentNamesAreUnderstood() throws Exception {
        KerasImportResult r = open("keras1_sequential_mlp.h5");
        assertEquals(List.of("dense_1 (Dense) (None, 64) 50240", "dropout_1 (Dropout) (None, 64) 0",
                "dense_2 (Dense) (None, 10) 650"), rows(r.summary()));
        assertEquals(0.2, r.project().graph().findByName("dropout_1").orElseThrow().params().getDouble("rate"));
        assertEquals("1.2.2", r.kerasVersion());
    }

    @Test
    void layerWeCannotRepresentIsNamedAndTheRestStillOpens() throws Exception {
        KerasImportResult r = open("keras2_sequential_locally_connected.h5");
        assertFalse(r.complete());
        ImportIssue left = r.issues().stream().filter(i -> i.severity() == ImportIssue.Severity.LEFT_OUT)
                .findFirst().orElseThrow();
        assertEquals("locally_connected1d", left.layerName());
        assertEquals("LocallyConnected1D", left.layerType());
        assertTrue(left.message().startsWith("locally_connected1d (LocallyConnected1D) was left out: NeuralCanvas has "
                + "no LocallyConnected1D layer."), left.message());
        assertTrue(r.project().graph().findByName("flatten").isPresent());
        assertFalse(r.weightsLoaded());
        assertEquals(List.of("The trained weights were not loaded: locally_connected1d (LocallyConnected1D) has weights "
                + "in the file but is not in the graph. The architecture opened and can be trained anew."), r.messages());
    }

    @Test
    void aGruOpensWithItsWeightsCheckedAgainstKerasFormula() throws Exception {
        KerasImportResult r = open("keras2_sequential_gru.h5");
        assertTrue(r.issues().stream().noneMatch(i -> i.severity() == ImportIssue.Severity.LEFT_OUT), r.issues()::toString);
        assertTrue(r.weightsLoaded(), () -> String.join("\n", r.messages()));
        assertTrue(r.issues().stream().anyMatch(i -> i.message().contains("left open (None)")));
        assertTrue(r.messages().stream().anyMatch(m -> m.startsWith("Checked against Keras's own formulas")
                && m.contains("gru")), r.messages()::toString);
    }

    @Test
    void aKeras2LeakyReluLayerOpensWithItsSlopeUnderItsOldName() throws Exception {
        KerasImportResult r = open("keras2_sequential_leaky_relu.h5");
        assertTrue(r.complete(), () -> r.issues().toString());
        assertTrue(r.weightsLoaded(), () -> String.join("\n", r.messages()));
        assertEquals(83, r.weightCount());
        assertEquals(0.2, r.project().graph().findByName("leaky_re_lu").orElseThrow().params()
                .get(org.neuralcanvas.domain.layer.ParamKeys.NEGATIVE_SLOPE));
    }

    @Test
    void aLeftOutLayerWithoutWeightsKeepsTheWeightsOfTheRest() throws Exception {
        KerasImportResult r = open("keras2_sequential_masking.h5");
        assertFalse(r.complete());
        assertTrue(r.weightsLoaded(), () -> String.join("\n", r.messages()));
        assertEquals(83, r.weightCount());
        assertTrue(r.messages().contains("Left out without weights: alpha_dropout (AlphaDropout). The rest kept its "
                + "weights, but the model's outputs differ from Keras's where these layers acted."), r.messages()::toString);
        assertEquals(List.of("dense", "dense_1"), r.project().graph().nodes().stream()
                .filter(n -> !n.kind().isInput()).map(n -> n.name()).toList());
    }

    @Test
    void aChannelsFirstModelOpensChannelsLastAndSaysHowToFeedIt() throws Exception {
        KerasImportResult r = open("keras1_theano_cnn.h5");
        assertTrue(r.complete(), r.issues()::toString);
        assertTrue(r.weightsLoaded(), r.messages()::toString);
        assertEquals(List.of("convolution2d_1 (Conv2D) (None, 6, 6, 3) 57",
                "maxpooling2d_1 (MaxPooling2D) (None, 3, 3, 3) 0", "flatten_1 (Flatten) (None, 27) 0",
                "dense_1 (Dense) (None, 4) 112"), rows(r.summary()));
        assertTrue(r.issues().stream().anyMatch(i -> i.message().equals("convolution2d_1_input (InputLayer): the "
                + "file's input (2, 8, 8) is channels-first; here it is (8, 8, 2), channels last. Give it arrays in that "
                + "order (NumPy: x.transpose(0, 2, 3, 1)).")), r.issues()::toString);
        assertTrue(r.issues().stream().anyMatch(i -> i.layerName().equals("convolution2d_1")
                && i.message().contains("here it reads channels-last")), r.issues()::toString);
    }

    @Test
    void aFloat32LearningRateReadsAsTyped() throws Exception {
        // The file stores 0.0010000000474974513, as float32 0.001 becomes in JSON.
        assertEquals(0.001, open("keras2_sequential_bilstm.h5").project().settings().optimizer().learningRate());
        assertEquals(0.001, open("keras3_sequential_mlp.keras").project().settings().optimizer().learningRate());
        assertEquals("adam", open("keras3_sequential_mlp.keras").project().settings().optimizer().name());
    }

    @Test
    void importingNeverChangesTheFile() throws Exception {
        Path file = resource("keras2_functional_residual.h5");
        byte[] before = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        long modified = Files.getLastModifiedTime(file).toMillis();
        open("keras2_functional_residual.h5");
        assertEquals(HexFormat.of().formatHex(before),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    }

    @Test
    void brokenFilesGiveASentenceNotACrash() {
        for (String name : List.of("truncated.h5", "not_hdf5.h5", "weights_only.h5", "missing.h5")) {
            Path file = name.equals("missing.h5") ? resource("not_hdf5.h5").resolveSibling(name) : resource(name);
            KerasImportException e = assertThrows(KerasImportException.class,
                    () -> importer.importFile(file, KerasImportOptions.defaults(), ImportProgress.NONE, () -> false));
            assertTrue(e.getMessage().endsWith("."), e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    void aFileTooLargeForItsWeightsOpensAsArchitecture() throws Exception {
        KerasImportResult r = importer.importFile(resource("keras2_sequential_mlp.h5"), new KerasImportOptions(true,
                100_000,
                Duration.ofMinutes(1)), ImportProgress.NONE, () -> false);
        assertFalse(r.weightsLoaded());
        assertEquals(List.of("The file is " + ByteSizes.human(Files.size(resource("keras2_sequential_mlp.h5")))
                + ", over the 98 KB NeuralCanvas loads weights from, so only the "
                + "architecture opened."), r.messages());
        assertEquals(55_050, r.summary().totalParams());
    }

    @Test
    void zipWithoutAKerasModelIsExplained(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.keras");
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        KerasImportException e = assertThrows(KerasImportException.class,
                () -> importer.importFile(file, KerasImportOptions.defaults(), ImportProgress.NONE, () -> false));
        assertEquals("model.keras is a zip archive without config.json, so it is not a Keras 3 .keras model. Save the "
                + "model with model.save('model.keras').", e.getMessage());
    }

    @Test
    void zipEntriesThatPointOutsideTheArchiveAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (String entry : List.of("../x", "/etc/passwd", "a/../../x", "C:/x", "a\\..\\x")) {
            Path file = dir.resolve("evil.keras");
            try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new ZipEntry("config.json"));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes(StandardCharsets.UTF_8));
            }
            KerasImportException e = assertThrows(KerasImportException.class,
                    () -> importer.importFile(file, KerasImportOptions.defaults(), ImportProgress.NONE, () -> false));
            assertEquals("evil.keras has an entry named \"" + entry + "\", a path that points outside the archive; such "
                    + "a file was not written by Keras, so it was not opened.", e.getMessage());
            assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.getParent().resolve("x")));
        }
    }

    @Test
    void architectureOnlyImportReadsNoWeights() throws Exception {
        KerasImportResult r = importer.importFile(resource("keras2_sequential_mlp.h5"),
                KerasImportOptions.architectureOnly(), ImportProgress.NONE, () -> false);
        assertNull(r.model());
        assertEquals(List.of("Only the architecture was opened; the weights were not loaded."), r.messages());
        assertNotNull(r.project().graph().findByName("dense_3").orElse(null));
    }
}
