package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's dropout and recurrent_dropout of recurrent layers: one mask per sample for all steps, applied while
 * training only, and gradients that agree with a numerical gradient taken under the same masks.
 */
class RecurrentDropoutTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withLoss("mse")
            .withOptimizer(OptimizerSettings.defaults("sgd"));

    private static ComputationGraph net(String kind, Map<String, Object> params) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(6, 5)));
        b.then(kind, params);
        if (Boolean.TRUE.equals(params.get("return_sequences"))) {
            b.then("Flatten", Map.of());
        }
        b.then("Dense", Map.of("units", 2));
        ModelGraph g = b.graph();
        Compilation c = Dl4jCompiler.compile(g, SETTINGS);
        assertTrue(c.ok(), c.problems()::toString);
        var conf = c.model().configuration();
        // No workspaces, so that a layer's dropped input can still be read after the pass.
        conf.setTrainingWorkspaceMode(org.deeplearning4j.nn.conf.WorkspaceMode.NONE);
        conf.setInferenceWorkspaceMode(org.deeplearning4j.nn.conf.WorkspaceMode.NONE);
        conf.setDataType(Nd4j.dataType()); // double for the numerical gradient
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    /** After a training pass on ones, the layer's (dropped) input: per sample and feature, all steps alike. */
    private static void assertOneMaskForAllSteps(ComputationGraph net, String layer, int stepsAxis) {
        INDArray x = Nd4j.ones(DataType.FLOAT, 4, 6, 5);
        net.feedForward(new INDArray[] {x}, true, false);
        INDArray dropped = net.getLayer(layer).input();
        int dropped0 = 0;
        for (int n = 0; n < 4; n++) {
            for (int f = 0; f < 5; f++) {
                double first = stepsAxis == 1 ? dropped.getDouble(n, 0, f) : dropped.getDouble(n, f, 0);
                assertTrue(first == 0 || Math.abs(first - 2) < 1e-6, "dropped or scaled by 1/(1 − 0.5): " + first);
                dropped0 += first == 0 ? 1 : 0;
                for (int t = 1; t < 6; t++) {
                    double v = stepsAxis == 1 ? dropped.getDouble(n, t, f) : dropped.getDouble(n, f, t);
                    assertEquals(first, v, 1e-6, layer + ": sample " + n + ", feature " + f + ", step " + t);
                }
            }
        }
        assertTrue(dropped0 > 0 && dropped0 < 20, "about half of 20 sample-features dropped: " + dropped0);
        INDArray out = net.outputSingle(false, x);
        assertEquals(out, net.outputSingle(false, x), "no dropout when predicting");
    }

    @Test
    void everyRecurrentLayerDropsItsInputsWithOneMaskForAllSteps() {
        Nd4j.getRandom().setSeed(11);
        assertOneMaskForAllSteps(net("GRU", Map.of("units", 3, "dropout", 0.5)), "gru", 1);
        assertOneMaskForAllSteps(net("LSTM", Map.of("units", 3, "dropout", 0.5)), "lstm", 1);
        assertOneMaskForAllSteps(net("SimpleRNN", Map.of("units", 3, "dropout", 0.5)), "simple_rnn", 1);
    }

    /** The step-by-step LSTM (recurrent_dropout) predicts exactly what the fused op does with the same weights. */
    @Test
    void anLstmWithRecurrentDropoutPredictsAsTheFusedOne() {
        ComputationGraph stepwise = net("LSTM", Map.of("units", 4, "recurrent_dropout", 0.3, "return_sequences", true));
        ComputationGraph fused = net("LSTM", Map.of("units", 4, "return_sequences", true));
        fused.params().assign(stepwise.params());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 6, 5).subi(0.5);
        INDArray a = stepwise.outputSingle(false, x);
        INDArray b = fused.outputSingle(false, x);
        assertTrue(a.equalsWithEps(b, 1e-5), () -> a + "\nvs\n" + b);
        assertTrue(!stepwise.outputSingle(true, x).equalsWithEps(a, 1e-6), "while training, h is dropped");
    }

    /**
     * DL4J's own LSTM (inside Bidirectional) drops its input after turning it channels-first, [batch, features,
     * steps], and puts the undropped input back afterwards, so the mask is checked on such an array directly.
     */
    @Test
    void theMaskCanBeSharedAlongTheLastAxis() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.ones(DataType.FLOAT, 4, 5, 6);
        INDArray dropped = new org.neuralcanvas.engine.compile.TimeSharedDropout(0.5, 2).applyDropout(x, x.ulike(), 0,
                0, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        assertTrue(dropped.sumNumber().doubleValue() > 0 && dropped.sumNumber().doubleValue() < 2 * 120);
        for (int n = 0; n < 4; n++) {
            for (int f = 0; f < 5; f++) {
                double first = dropped.getDouble(n, f, 0);
                assertTrue(first == 0 || Math.abs(first - 2) < 1e-6);
                for (int t = 1; t < 6; t++) {
                    assertEquals(first, dropped.getDouble(n, f, t), 1e-6);
                }
            }
        }
        var dropout = new org.neuralcanvas.engine.compile.TimeSharedDropout(0.5, 2);
        INDArray same = dropout.applyDropout(x, x.ulike(), 0, 0,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
        assertEquals(same, dropout.backprop(x, x.ulike(), 0, 0), "the gradient passes where the input did, scaled alike");
    }

    /**
     * Our GRU's and fused LSTM's hand-written gradients with dropout and recurrent_dropout: each weight's against
     * (L(w + ε) − L(w − ε)) / 2ε, every pass under the same masks (the generator seeded alike before each).
     */
    @Test
    void gradientsUnderDropoutMatchANumericalGradient() {
        DataType before = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            check(net("GRU", Map.of("units", 4, "dropout", 0.3, "recurrent_dropout", 0.4, "return_sequences", true)));
            check(net("GRU", Map.of("units", 4, "recurrent_dropout", 0.4, "reset_after", false)));
            check(net("LSTM", Map.of("units", 4, "dropout", 0.3)));
            // An LSTM with recurrent_dropout runs step by step (StepwiseLstmLayer), its gradient written out.
            check(net("LSTM", Map.of("units", 4, "dropout", 0.2, "recurrent_dropout", 0.4, "return_sequences", true)));
            check(net("LSTM", Map.of("units", 3, "recurrent_dropout", 0.3)));
        } finally {
            Nd4j.setDefaultDataTypes(before, before);
        }
    }

    /** The loss of a training pass, its dropout masks drawn from the generator seeded as for the gradient. */
    private static double trainingScore(ComputationGraph net) {
        Nd4j.getRandom().setSeed(42);
        net.computeGradientAndScore();
        return net.score();
    }

    private static void check(ComputationGraph net) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 3, 6, 5).subi(0.5);
        INDArray y = Nd4j.rand(DataType.DOUBLE, 3, 2);
        DataSet data = new DataSet(x, y);
        net.setInputs(x);
        net.setLabels(y);
        Nd4j.getRandom().setSeed(42);
        net.computeGradientAndScore();
        Gradient g = net.gradient();
        INDArray params = net.params();
        INDArray grads = net.getFlattenedGradients().dup();
        double eps = 1e-6;
        int checked = 0;
        for (long i = 0; i < params.length(); i += 3) {
            double w = params.getDouble(i);
            params.putScalar(i, w + eps);
            double plus = trainingScore(net);
            params.putScalar(i, w - eps);
            double minus = trainingScore(net);
            params.putScalar(i, w);
            double numerical = (plus - minus) / (2 * eps);
            // DL4J's gradient is summed over the batch (its updater divides it); the score is the batch's mean.
            double analytic = grads.getDouble(i) / x.size(0);
            double scale = Math.max(1e-7, Math.abs(numerical) + Math.abs(analytic));
            assertTrue(Math.abs(numerical - analytic) / scale < 1e-4 || Math.abs(numerical - analytic) < 1e-8,
                    "parameter " + i + ": numerical " + numerical + ", analytic " + analytic + " " + g.gradientForVariable().keySet());
            checked++;
        }
        assertTrue(checked > 20);
    }
}
