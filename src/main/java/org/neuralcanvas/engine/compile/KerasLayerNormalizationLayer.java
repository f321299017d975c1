package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
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
 * The running {@link KerasLayerNormalization}, on the input viewed as rows of its last axis. The gradient is the
 * standard one of a standardisation, dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ · x̂)) / σ with dx̂ = dy · γ (the layer test
 * checks it against a numerical gradient).
 */
final class KerasLayerNormalizationLayer extends SameDiffLayer {

    KerasLayerNormalizationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private KerasLayerNormalization norm() {
        return (KerasLayerNormalization) layerConf();
    }

    /** The normalised rows x̂ [rows, features] and 1/σ [rows, 1]. */
    private INDArray[] standardise(INDArray rows) {
        INDArray mean = rows.mean(true, 1);
        INDArray centred = rows.subColumnVector(mean);
        INDArray var = centred.mul(centred).mean(true, 1);
        INDArray inverseStd = Transforms.pow(var.addi(norm().getEpsilon()), -0.5, false);
        return new INDArray[] {centred.muliColumnVector(inverseStd), inverseStd};
    }

    private INDArray rows(INDArray x) {
        long f = x.size(x.rank() - 1);
        return x.castTo(dataType).dup('c').reshape(x.length() / f, f);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray y;
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray xhat = standardise(rows(input))[0];
            if (norm().isScale()) {
                xhat.muliRowVector(getParam(KerasLayerNormalization.GAMMA));
            }
            if (norm().isCenter()) {
                xhat.addiRowVector(getParam(KerasLayerNormalization.BETA));
            }
            y = xhat.reshape(input.shape());
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, y);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray dx;
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray[] s = standardise(rows(input));
            INDArray xhat = s[0];
            INDArray inverseStd = s[1];
            INDArray dy = rows(epsilon);
            if (norm().isScale()) {
                gradTable.get(KerasLayerNormalization.GAMMA).assign(dy.mul(xhat).sum(true, 0));
            }
            if (norm().isCenter()) {
                gradTable.get(KerasLayerNormalization.BETA).assign(dy.sum(true, 0));
            }
            INDArray dxhat = norm().isScale() ? dy.mulRowVector(getParam(KerasLayerNormalization.GAMMA)) : dy.dup();
            INDArray meanDxhat = dxhat.mean(true, 1);
            INDArray meanDxhatXhat = dxhat.mul(xhat).mean(true, 1);
            dx = dxhat.subiColumnVector(meanDxhat).subi(xhat.mulColumnVector(meanDxhatXhat))
                    .muliColumnVector(inverseStd).reshape(input.shape());
        }
        Gradient g = LayerInstances.gradientOf(gradients, gradTable);
        return new Pair<>(g, workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, dx));
    }
}
