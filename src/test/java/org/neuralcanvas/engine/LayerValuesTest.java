package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weightless layers compute what Keras's documentation says, on inputs small enough to work out by hand:
 * which side a padding or cropping amount goes to, how up-sampling repeats, the activation layers' arguments,
 * and that the noise layers act only while training (SpatialDropout dropping whole channels).
 */
class LayerValuesTest {

    /** The network Input(shape) → kind(params); its output for x in inference (or training). */
    private static INDArray run(List<Integer> shape, String kind, Map<String, Object> params, INDArray x,
                                boolean training) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", shape));
        b.then(kind, params);
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults().withLoss("mse"));
        assertTrue(c.ok(), c.problems()::toString);
        ComputationGraph net = new ComputationGraph(c.model().configuration());
        net.init();
        return net.outputSingle(training, x);
    }

    private static float[] values(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    @Test
    void zeroPadding2dPutsTopBottomLeftRightWhereKerasDoes() {
        INDArray x = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {1, 2, 2, 1}, 'c');
        INDArray y = run(List.of(2, 2, 1), "ZeroPadding2D", Map.of("padding", List.of(1, 0, 0, 2)), x, false);
        assertArrayEquals(new long[] {1, 3, 4, 1}, y.shape());
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0}, values(y));
    }

    @Test
    void cropping1dAndPadding1dWorkOnSteps() {
        INDArray x = Nd4j.create(new float[] {1, 10, 2, 20, 3, 30, 4, 40}, new long[] {1, 4, 2}, 'c');
        assertArrayEquals(new float[] {2, 20, 3, 30}, values(run(List.of(4, 2), "Cropping1D",
                Map.of("cropping", List.of(1, 1)), x, false)));
        assertArrayEquals(new float[] {0, 0, 1, 10, 2, 20, 3, 30, 4, 40, 0, 0, 0, 0}, values(run(List.of(4, 2),
                "ZeroPadding1D", Map.of("padding", List.of(1, 2)), x, false)));
    }

    @Test
    void cropping2dTakesRowsFromTheTopAndColumnsFromTheLeftFirst() {
        INDArray x = Nd4j.arange(1, 10).castTo(DataType.FLOAT).reshape(1, 3, 3, 1);
        INDArray y = run(List.of(3, 3, 1), "Cropping2D", Map.of("cropping", List.of(1, 0, 0, 1)), x, false);
        assertArrayEquals(new float[] {4, 5, 7, 8}, values(y));
    }

    @Test
    void upSamplingRepeatsEachValue() {
        INDArray seq = Nd4j.create(new float[] {1, 10, 2, 20}, new long[] {1, 2, 2}, 'c');
        assertArrayEquals(new float[] {1, 10, 1, 10, 2, 20, 2, 20}, values(run(List.of(2, 2), "UpSampling1D",
                Map.of("size", 2), seq, false)));
        INDArray img = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {1, 2, 2, 1}, 'c');
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4, 3, 4}, values(run(List.of(2, 2, 1), "UpSampling2D",
                Map.of("size", List.of(2, 1)), img, false)));
    }

    @Test
    void permuteSwapsStepsAndFeatures() {
        INDArray x = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {1, 2, 3}, 'c');
        INDArray y = run(List.of(2, 3), "Permute", Map.of("dims", List.of(2, 1)), x, false);
        assertArrayEquals(new long[] {1, 3, 2}, y.shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, values(y));
    }

    @Test
    void repeatVectorMakesASequence() {
        INDArray x = Nd4j.create(new float[] {1, 2}, new long[] {1, 2}, 'c');
        INDArray y = run(List.of(2), "RepeatVector", Map.of("n", 3), x, false);
        assertArrayEquals(new long[] {1, 3, 2}, y.shape());
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2}, values(y));
    }

    @Test
    void activationLayersUseTheirArguments() {
        INDArray x = Nd4j.create(new float[] {-2, -0.5f, 0.25f, 1, 8}, new long[] {1, 5}, 'c');
        assertArrayEquals(new float[] {-0.2f, -0.05f, 0.25f, 1, 8},
                values(run(List.of(5), "LeakyReLU", Map.of("negative_slope", 0.1), x, false)), 1e-6f);
        assertArrayEquals(new float[] {(float) (0.5 * (Math.exp(-2) - 1)), (float) (0.5 * (Math.exp(-0.5) - 1)), 0.25f,
                1, 8}, values(run(List.of(5), "ELU", Map.of("alpha", 0.5), x, false)), 1e-6f);
        // Keras: x >= max_value → max_value; threshold <= x < max_value → x; below → negative_slope * (x - threshold).
        assertArrayEquals(new float[] {-0.25f, -0.1f, -0.025f, 1, 6}, values(run(List.of(5), "ReLU",
                Map.of("max_value", 6.0, "negative_slope", 0.1, "threshold", 0.5), x, false)), 1e-6f);
        assertArrayEquals(new float[] {-3, -1.5f, -0.75f, 0, 7}, values(run(List.of(5), "Rescaling",
                Map.of("scale", 1.0, "offset", -1.0), x, false)), 1e-6f);
        assertArrayEquals(new float[] {-1, -0.25f, 0.125f, 0.5f, 4}, values(run(List.of(5), "Rescaling",
                Map.of("scale", 0.5), x, false)), 1e-6f);
    }

    @Test
    void spatialDropoutDropsWholeChannelsAndOnlyWhileTraining() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 64, 5, 5, 4);
        Map<String, Object> half = Map.of("rate", 0.5);
        assertEquals(x, run(List.of(5, 5, 4), "SpatialDropout2D", half, x, false));
        INDArray y = run(List.of(5, 5, 4), "SpatialDropout2D", half, x, true);
        int dropped = 0;
        for (int b = 0; b < 64; b++) {
            for (int c = 0; c < 4; c++) {
                INDArray channel = y.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(c));
                double first = channel.getDouble(0, 0);
                // A channel is all zeros or all 1 / (1 - rate) = 2: dropped or kept as a whole.
                assertEquals(first * 25, channel.sumNumber().doubleValue(), 1e-4, "sample " + b + ", channel " + c);
                assertTrue(first == 0 || Math.abs(first - 2) < 1e-6, "value " + first);
                dropped += first == 0 ? 1 : 0;
            }
        }
        assertTrue(dropped > 64 && dropped < 192, dropped + " of 256 channels dropped at rate 0.5");
    }

    @Test
    void gaussianNoiseOnlyWhileTraining() {
        INDArray x = Nd4j.zeros(DataType.FLOAT, 200, 10);
        assertEquals(x, run(List.of(10), "GaussianNoise", Map.of("stddev", 0.5), x, false));
        INDArray y = run(List.of(10), "GaussianNoise", Map.of("stddev", 0.5), x, true);
        assertEquals(0.5, y.stdNumber().doubleValue(), 0.05);
    }

    @Test
    void aFrozenLayerKeepsItsWeightsAndCountsAsNonTrainable() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(6)));
        b.then("Dense", Map.of("units", 5, "trainable", false));
        b.then("Dense", Map.of("units", 2));
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults().withLoss("mse"));
        assertTrue(c.ok(), c.problems()::toString);
        var summary = org.neuralcanvas.domain.shape.ModelSummary.of(c.model().graph(), c.model().inference());
        assertEquals(12, summary.trainableParams());
        assertEquals(35, summary.nonTrainableParams());
        ComputationGraph net = new ComputationGraph(c.model().configuration());
        net.init();
        INDArray frozen = net.getLayer("dense").getParam("W").dup();
        INDArray trained = net.getLayer("dense_1").getParam("W").dup();
        net.fit(new org.nd4j.linalg.dataset.DataSet(Nd4j.rand(DataType.FLOAT, 16, 6), Nd4j.rand(DataType.FLOAT, 16, 2)));
        assertEquals(frozen, net.getLayer("dense").getParam("W"), "a frozen layer's kernel changed");
        assertTrue(!trained.equals(net.getLayer("dense_1").getParam("W")), "the layer after it did not learn");
    }

    @Test
    void initializersStartTheWeightsAsKerasDoes() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(400)));
        b.then("Dense", Map.of("units", 300, "kernel_initializer", "he_normal", "bias_initializer", "ones"));
        b.then("Dense", Map.of("units", 2, "kernel_initializer", "zeros"));
        Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults().withLoss("mse"));
        assertTrue(c.ok(), c.problems()::toString);
        ComputationGraph net = new ComputationGraph(c.model().configuration());
        net.init();
        // he_normal: variance 2 / fan_in.
        assertEquals(Math.sqrt(2.0 / 400), net.getLayer("dense").getParam("W").stdNumber().doubleValue(), 0.003);
        assertEquals(1.0, net.getLayer("dense").getParam("b").minNumber().doubleValue(), 0);
        assertEquals(0.0, net.getLayer("dense_1").getParam("W").amaxNumber().doubleValue(), 0);
    }

    /** Keras adds l1 · Σ|w| + l2 · Σw² to the loss: the compiled network's score rises by exactly that. */
    @Test
    void regularizersAddKerassPenaltyToTheLoss() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 6);
        INDArray y = Nd4j.rand(DataType.FLOAT, 8, 2);
        double[] scores = new double[2];
        INDArray kernel = null;
        for (int i = 0; i < 2; i++) {
            ModelBuilder b = new ModelBuilder();
            b.then("Input", Map.of("shape", List.of(6)));
            b.then("Dense", i == 0 ? Map.of("units", 2) : Map.of("units", 2, "kernel_regularizer", "l1_l2(l1=0.01, l2=0.1)"));
            Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults().withLoss("mse"));
            assertTrue(c.ok(), c.problems()::toString);
            ComputationGraph net = new ComputationGraph(c.model().configuration());
            net.init();
            if (kernel == null) {
                kernel = net.getLayer("dense").getParam("W").dup();
            }
            net.getLayer("dense").setParam("W", kernel);
            scores[i] = net.score(new org.nd4j.linalg.dataset.DataSet(x, y));
        }
        double penalty = 0.01 * kernel.norm1Number().doubleValue() + 0.1 * kernel.mul(kernel).sumNumber().doubleValue();
        assertEquals(penalty, scores[1] - scores[0], 1e-4 * Math.max(1, penalty));
    }
}
