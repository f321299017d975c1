package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The running {@link ActivityPenalty}. DL4J adds a layer's {@link #calcRegularizationScore} to the training score
 * once per batch (the weight penalties go the same way), so the penalty of the last training pass is reported there.
 * Its gradient is scaled by the batch size: DL4J's gradients are sums over the batch that its updater divides,
 * while Keras's penalty is added once to the batch's mean loss.
 */
final class ActivityPenaltyLayer extends SameDiffLayer {

    /** The penalty of the last training pass; 0 after predicting, as the loss Keras reports while evaluating adds it. */
    private double penalty;

    ActivityPenaltyLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private ActivityPenalty penaltyConf() {
        return (ActivityPenalty) layerConf();
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (training) {
            try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                INDArray y = input.castTo(DataType.DOUBLE);
                penalty = penaltyConf().getL1() * Transforms.abs(y, true).sumNumber().doubleValue()
                        + penaltyConf().getL2() * y.mul(y).sumNumber().doubleValue();
            }
        } else {
            penalty = 0;
        }
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, input);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray dx;
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray y = input.castTo(epsilon.dataType());
            // d(l1·Σ|y| + l2·Σy²)/dy = l1·sign(y) + 2·l2·y, times the batch size (see the class comment).
            INDArray dPenalty = Transforms.sign(y, true).muli(penaltyConf().getL1()).addi(y.mul(2 * penaltyConf().getL2()))
                    .muli(y.size(0));
            dx = epsilon.add(dPenalty);
        }
        return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dx));
    }

    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        return penalty;
    }
}
