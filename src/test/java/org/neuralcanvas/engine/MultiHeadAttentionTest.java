package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.compile.KerasMultiHeadAttention;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MultiHeadAttention, our own vertex: Keras's weight count, its output worked out by hand from its own weights
 * (projections with biases, softmax(Q·Kᵀ/√key_dim) per head, the output projection), cross-attention on two
 * inputs, learning, and saving with the model.
 */
class MultiHeadAttentionTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withLoss("mse")
            .withOptimizer(OptimizerSettings.defaults("adam").withLearningRate(0.01));

    private static ModelGraph selfAttention(int heads, int keyDim, int valueDim) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4, 6)));
        b.then("MultiHeadAttention", Map.of("num_heads", heads, "key_dim", keyDim, "value_dim", valueDim));
        return b.graph();
    }

    private static ComputationGraph net(ModelGraph g) {
        Compilation c = Dl4jCompiler.compile(g, SETTINGS);
        assertTrue(c.ok(), c.problems()::toString);
        ComputationGraph net = new ComputationGraph(c.model().configuration());
        net.init();
        return net;
    }

    @Test
    void itHasTheWeightsKerasCounts() {
        // Keras: query, key, value kernels (6, 2, 3) with biases (2, 3): 3 · (36 + 6); output kernel (2, 3, 6) and
        // bias (6): 42. model.summary() of MultiHeadAttention(num_heads=2, key_dim=3) on (4, 6) says 168.
        ModelGraph g = selfAttention(2, 3, 3);
        assertEquals(168, ModelSummary.of(g, ShapeInference.infer(g)).totalParams());
        assertEquals(168, net(g).params().length());
        ModelGraph wider = selfAttention(4, 5, 2);
        // q, k: 6·4·5 + 4·5 each = 140; v: 6·4·2 + 8 = 56; out: 4·2·6 + 6 = 54.
        assertEquals(390, ModelSummary.of(wider, ShapeInference.infer(wider)).totalParams());
        assertEquals(390, net(wider).params().length());
    }

    @Test
    void itsOutputIsTheAttentionWorkedOutByHand() {
        int heads = 2, keyDim = 3, valueDim = 2, steps = 4, features = 6;
        ComputationGraph net = net(selfAttention(heads, keyDim, valueDim));
        var p = net.getVertex("multi_head_attention").paramTable(false);
        // Biases are zeros at first: give them values so that a forgotten bias shows.
        for (String b : List.of("query", "key", "value", "output")) {
            INDArray bias = p.get(KerasMultiHeadAttention.bias(b));
            bias.assign(Nd4j.rand(bias.dataType(), bias.shape()).subi(0.5));
        }
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, steps, features).subi(0.5);
        INDArray y = net.outputSingle(false, x);
        assertArrayEquals(new long[] {2, steps, features}, y.shape());

        double[][] wq = p.get(KerasMultiHeadAttention.kernel("query")).toDoubleMatrix();
        double[][] wk = p.get(KerasMultiHeadAttention.kernel("key")).toDoubleMatrix();
        double[][] wv = p.get(KerasMultiHeadAttention.kernel("value")).toDoubleMatrix();
        double[][] wo = p.get(KerasMultiHeadAttention.kernel("output")).toDoubleMatrix();
        double[] bq = p.get(KerasMultiHeadAttention.bias("query")).toDoubleVector();
        double[] bk = p.get(KerasMultiHeadAttention.bias("key")).toDoubleVector();
        double[] bv = p.get(KerasMultiHeadAttention.bias("value")).toDoubleVector();
        double[] bo = p.get(KerasMultiHeadAttention.bias("output")).toDoubleVector();
        for (int n = 0; n < 2; n++) {
            double[][] in = x.slice(n).toDoubleMatrix();
            double[][] q = affine(in, wq, bq);
            double[][] k = affine(in, wk, bk);
            double[][] v = affine(in, wv, bv);
            double[][] heads2 = new double[steps][heads * valueDim];
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < steps; t++) {
                    double[] score = new double[steps];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int s = 0; s < steps; s++) {
                        for (int d = 0; d < keyDim; d++) {
                            score[s] += q[t][h * keyDim + d] * k[s][h * keyDim + d];
                        }
                        score[s] /= Math.sqrt(keyDim);
                        max = Math.max(max, score[s]);
                    }
                    double sum = 0;
                    for (int s = 0; s < steps; s++) {
                        score[s] = Math.exp(score[s] - max);
                        sum += score[s];
                    }
                    for (int s = 0; s < steps; s++) {
                        for (int d = 0; d < valueDim; d++) {
                            heads2[t][h * valueDim + d] += score[s] / sum * v[s][h * valueDim + d];
                        }
                    }
                }
            }
            double[][] out = affine(heads2, wo, bo);
            for (int t = 0; t < steps; t++) {
                for (int f = 0; f < features; f++) {
                    assertEquals(out[t][f], y.getDouble(n, t, f), 1e-5, "sample " + n + ", step " + t + ", feature " + f);
                }
            }
        }
    }

    private static double[][] affine(double[][] x, double[][] w, double[] b) {
        double[][] y = new double[x.length][w[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                double s = b[j];
                for (int k = 0; k < w.length; k++) {
                    s += x[i][k] * w[k][j];
                }
                y[i][j] = s;
            }
        }
        return y;
    }

    @Test
    void aQueryAttendsToAnotherSequenceAndTheModelLearnsAndIsSaved(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        // Cross-attention: 3 query steps read a 5-step value sequence of other width; the output has the query's
        // shape. Target: the mean of the value sequence's first feature, read through the attention.
        ModelBuilder b = new ModelBuilder();
        String query = b.add("Input", Map.of("shape", List.of(3, 4)));
        String value = b.add("Input", Map.of("shape", List.of(5, 2)));
        String mha = b.add("MultiHeadAttention", Map.of("num_heads", 2, "key_dim", 4, "value_dim", 4), query, value);
        String pooled = b.add("GlobalAveragePooling1D", Map.of(), mha);
        b.add("Dense", Map.of("units", 1), pooled);
        ModelGraph g = b.graph();
        // q: 4·2·4 + 8 = 40; k, v: 2·2·4 + 8 = 24 each; out: 2·4·4 + 4 = 36; Dense 5.
        assertEquals(129, ModelSummary.of(g, ShapeInference.infer(g)).totalParams());
        ComputationGraph net = net(g);
        INDArray q = Nd4j.rand(DataType.FLOAT, 64, 3, 4);
        INDArray v = Nd4j.rand(DataType.FLOAT, 64, 5, 2);
        INDArray target = Nd4j.zeros(DataType.FLOAT, 64, 1);
        for (int n = 0; n < 64; n++) {
            target.putScalar(n, 0, 4 * (v.slice(n).getColumn(0).meanNumber().doubleValue() - 0.5));
        }
        var data = new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {q, v}, new INDArray[] {target});
        double before = net.score(data);
        for (int i = 0; i < 150; i++) {
            net.fit(data);
        }
        double after = net.score(data);
        assertTrue(after < 0.2 * before, () -> "loss should fall: " + before + " → " + after);

        java.io.File file = dir.resolve("mha.zip").toFile();
        net.save(file, true);
        ComputationGraph loaded = ComputationGraph.load(file, true);
        assertEquals(after, loaded.score(data), 1e-6, "the saved model computes the same attention");
    }
}
