package org.neuralcanvas.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.templates.Templates;

/**
 * Keras's {@code fit(x, x)}: a dataset chosen with {@code target: inputs} trains an autoencoder, whose output is
 * scored against its own input. On the 8×8 digits (1,437 training images) so that it takes seconds.
 */
class AutoencoderTrainingTest {

    private static final DatasetChoice DIGITS_AS_TARGETS =
            new DatasetChoice("digits", Map.of("layout", "image", "target", "inputs"));
    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withLoss("binary_crossentropy")
            .withOptimizer(OptimizerSettings.defaults("adam").withLearningRate(0.01)).withMetrics(List.of("mae"))
            .withEpochs(12).withBatchSize(32);

    private final BundledTrainingData data = new BundledTrainingData(BundledDatasets.standard());

    /** 8×8×1 → 4×4×8 → 8×8×1: one learnt up-sampling (Conv2DTranspose), one fixed (UpSampling2D) in the other. */
    private static ModelGraph autoencoder(boolean transposed) {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8, 8, 1)));
        b.then("Conv2D", Map.of("filters", 8, "kernel_size", List.of(3, 3), "activation", "relu", "padding", "same"));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        if (transposed) {
            b.then("Conv2DTranspose", Map.of("filters", 8, "kernel_size", List.of(3, 3), "strides", List.of(2, 2),
                    "activation", "relu", "padding", "same"));
        } else {
            b.then("UpSampling2D", Map.of("size", List.of(2, 2)));
        }
        b.then("Conv2D", Map.of("filters", 1, "kernel_size", List.of(3, 3), "activation", "sigmoid", "padding", "same"));
        return b.graph();
    }

    @Test
    void anAutoencoderLearnsToDrawTheDigitsItIsShownFarBetterThanTheMeanImage() throws Exception {
        for (boolean transposed : new boolean[] {true, false}) {
            ModelGraph graph = autoencoder(transposed);
            DatasetFit fit = data.check(DIGITS_AS_TARGETS, SETTINGS, graph);
            assertTrue(fit.fits(), fit.problems().toString());
            assertEquals(64, fit.datasetOutput(), "the target is the whole 8×8 picture");

            var compiled = Dl4jCompiler.compile(graph, SETTINGS);
            assertTrue(compiled.ok(), compiled.problems().toString());
            CompiledModel model = compiled.model();
            PreparedRun run = data.prepare(DIGITS_AS_TARGETS, SETTINGS);
            try (TrainingSession s = new TrainingSession(model, run.trainingData(), null, null)) {
                assertEquals(SessionState.FINISHED, s.start().get(120, TimeUnit.SECONDS));
                var history = s.model().history();
                assertTrue(history.get(history.size() - 1).get("loss") < history.get(0).get("loss"),
                        () -> "loss should fall: " + history);

                EvaluationReport report = run.evaluate(s.model());
                assertEquals(360, report.samples());
                assertTrue(report.classification() == null, "an autoencoder has no classes to confuse");
                TestPredictions p = run.predictions(s.model());
                assertTrue(p.isReconstruction());
                assertTrue(p.isPicture(), "drawn as pictures, input beside output");
                assertArrayEquals(p.features()[0], p.truth()[0], "each sample's target is its own input");
                double meanImageMse = meanImageError(p);
                double mse = report.regression().mse();
                assertTrue(mse < 0.5 * meanImageMse, () -> (transposed ? "Conv2DTranspose" : "UpSampling2D")
                        + " autoencoder: test MSE " + mse + " should be well under the mean image's " + meanImageMse);
                double perSample = 0;
                for (int i = 0; i < p.size(); i++) {
                    perSample += p.meanSquaredError(i);
                }
                assertEquals(mse, perSample / p.size(), 1e-4, "the report's MSE is the tiles' mean");
                assertTrue(report.metrics().containsKey("mae"), report.metrics().toString());
            }
        }
    }

    /**
     * Keras reports binary cross-entropy as the mean over every pixel; DL4J's loss layers add the pixels up. The
     * compiled model's score is Keras's number, by hand: −mean(y·log p + (1 − y)·log(1 − p)).
     */
    @Test
    void theLossIsKerasMeanOverEveryPixelAndSurvivesSavingTheModel(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        var compiled = Dl4jCompiler.compile(autoencoder(true), SETTINGS.withEpochs(1));
        assertTrue(compiled.ok(), compiled.problems().toString());
        PreparedRun run = data.prepare(DIGITS_AS_TARGETS, SETTINGS);
        try (TrainingSession s = new TrainingSession(compiled.model(), run.trainingData(), null, null)) {
            assertEquals(SessionState.FINISHED, s.start().get(120, TimeUnit.SECONDS));
            var net = s.model().network();
            org.nd4j.linalg.dataset.api.DataSet batch = run.trainingData().test().next();
            INDArray p = net.output(false, batch.getFeatures())[0].castTo(DataType.DOUBLE);
            INDArray y = batch.getLabels().castTo(DataType.DOUBLE);
            double eps = 1e-7;
            INDArray clipped = Transforms.max(Transforms.min(p, 1 - eps), eps);
            double byHand = -y.mul(Transforms.log(clipped)).add(y.rsub(1).mul(Transforms.log(clipped.rsub(1))))
                    .meanNumber().doubleValue();
            assertEquals(byHand, net.score(batch, false), 1e-3 * byHand, "Keras's mean binary cross-entropy");
            assertTrue(byHand < 1, "per pixel, not 64 pixels added up: " + byHand);

            java.nio.file.Path file = dir.resolve("autoencoder.nc.zip");
            org.neuralcanvas.engine.io.ModelStore.save(s.model(), DIGITS_AS_TARGETS, file);
            var loaded = org.neuralcanvas.engine.io.ModelStore.load(file);
            assertEquals(net.score(batch, false), loaded.network().score(batch, false), 1e-6,
                    "the saved model keeps the scaled loss");
        }
    }

    @Test
    void anAutoencoderWhoseOutputIsNotAPictureIsToldTheShapeToEndWith() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8, 8, 1)));
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        DatasetFit fit = data.check(DIGITS_AS_TARGETS, SETTINGS, b.graph());
        assertFalse(fit.fits());
        assertTrue(fit.problems().get(0).contains("must output the input's shape (None, 8, 8, 1), not (None, 10)"),
                fit.problems().toString());
    }

    @Test
    void textCannotBeItsOwnTarget() {
        var failure = org.junit.jupiter.api.Assertions.assertThrows(org.neuralcanvas.dataset.DatasetException.class,
                () -> data.prepare(new DatasetChoice("imdb", Map.of("layout", "multi_hot", "target", "inputs")),
                        SETTINGS));
        assertTrue(failure.getMessage().contains("an autoencoder (target: inputs) needs pixel or table data"),
                failure.getMessage());
    }

    @Test
    void theConvolutionalAutoencoderTemplateFitsMnistAsItsOwnTarget() {
        var template = new Templates().find("mnist_conv_autoencoder").orElseThrow();
        DatasetFit fit = data.check(template.dataset(), template.settings(), template.newProject().graph());
        assertTrue(fit.fits(), fit.problems().toString());
        assertEquals(784, fit.datasetOutput());
    }

    /** The error of always answering the training-free guess: the test images' mean image. */
    private static double meanImageError(TestPredictions p) {
        int w = p.truth()[0].length;
        double[] mean = new double[w];
        for (float[] row : p.truth()) {
            for (int c = 0; c < w; c++) {
                mean[c] += row[c] / p.size();
            }
        }
        double sum = 0;
        for (float[] row : p.truth()) {
            for (int c = 0; c < w; c++) {
                sum += (row[c] - mean[c]) * (row[c] - mean[c]);
            }
        }
        return sum / ((double) p.size() * w);
    }
}
