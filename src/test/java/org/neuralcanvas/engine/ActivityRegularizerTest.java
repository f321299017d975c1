package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras's activity_regularizer: while training, the loss is the batch's mean loss plus l1·Σ|y| + l2·Σy² of the
 * layer's output over the batch (Keras 3 adds it so); the output itself is unchanged, and the gradient is that
 * loss's, checked against a numerical one.
 */
class ActivityRegularizerTest {

    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withLoss("mse")
            .withOptimizer(OptimizerSettings.defaults("sgd"));

    private static ComputationGraph net(String hiddenPenalty, String outputPenalty) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        Map<String, Object> hidden = new HashMap<>(Map.of("units", 5, "activation", "tanh"));
        if (hiddenPenalty != null) {
            hidden.put("activity_regularizer", hiddenPenalty);
        }
        b.then("Dense", hidden);
        Map<String, Object> out = new HashMap<>(Map.of("units", 2));
        if (outputPenalty != null) {
            out.put("activity_regularizer", outputPenalty);
        }
        b.then("Dense", out);
        return DoublePrecisionNets.of(b.graph(), SETTINGS);
    }

    private static final INDArray X = Nd4j.rand(DataType.DOUBLE, 6, 4).subi(0.5);
    private static final INDArray Y = Nd4j.rand(DataType.DOUBLE, 6, 2);

    @Test
    void theTrainingLossAddsThePenaltyOfTheOutputsOverTheBatch() {
        ComputationGraph plain = net(null, null);
        ComputationGraph penalised = net("l1_l2(l1=0.01, l2=0.02)", "l2(0.05)");
        penalised.params().assign(plain.params());
        assertTrue(plain.outputSingle(false, X).equalsWithEps(penalised.outputSingle(false, X), 1e-12),
                "the output is unchanged");

        INDArray hidden = plain.feedForward(new INDArray[] {X}, false).get("dense");
        INDArray out = plain.outputSingle(false, X);
        double mse = out.sub(Y).muli(out.sub(Y)).meanNumber().doubleValue();
        double penalty = 0.01 * Transforms.abs(hidden, true).sumNumber().doubleValue()
                + 0.02 * hidden.mul(hidden).sumNumber().doubleValue() + 0.05 * out.mul(out).sumNumber().doubleValue();
        plain.setInputs(X);
        plain.setLabels(Y);
        plain.computeGradientAndScore();
        penalised.setInputs(X);
        penalised.setLabels(Y);
        penalised.computeGradientAndScore();
        assertEquals(mse, plain.score(), 1e-10, "Keras's mse, the mean over samples and outputs");
        assertEquals(mse + penalty, penalised.score(), 1e-10);
    }

    @Test
    void theGradientIsThatOfThePenalisedLoss() {
        ComputationGraph net = net("l1_l2(l1=0.01, l2=0.02)", "l2(0.05)");
        net.setInputs(X);
        net.setLabels(Y);
        net.computeGradientAndScore();
        INDArray params = net.params();
        INDArray grads = net.getFlattenedGradients().dup();
        double eps = 1e-6;
        for (long i = 0; i < params.length(); i++) {
            double w = params.getDouble(i);
            params.putScalar(i, w + eps);
            net.computeGradientAndScore();
            double plus = net.score();
            params.putScalar(i, w - eps);
            net.computeGradientAndScore();
            double minus = net.score();
            params.putScalar(i, w);
            double numerical = (plus - minus) / (2 * eps);
            // DL4J's gradient is summed over the batch (its updater divides it); the score is the batch's mean.
            double analytic = grads.getDouble(i) / X.size(0);
            assertEquals(numerical, analytic, 1e-6 + 1e-4 * Math.abs(numerical), "parameter " + i);
        }
    }
}
