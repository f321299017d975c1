package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The running {@link StepMask}. The mask is not learnt and not differentiated: its source gets a zero gradient (or
 * none, for word indices), the sequence the gradient of what was made of it.
 */
final class StepMaskVertex extends BaseGraphVertex {

    private final StepMask conf;

    StepMaskVertex(ComputationGraph graph, String name, int index, StepMask conf, DataType dataType) {
        super(graph, name, index, null, null, dataType);
        this.conf = conf;
    }

    /** [batch, steps]: 1 where the step holds data, 0 where it is padding. */
    static INDArray maskOf(INDArray source, double maskValue, DataType dataType) {
        INDArray data = source.castTo(DataType.DOUBLE).neq(maskValue).castTo(dataType);
        // A step of a sequence of features is data when any feature differs (Keras's any(x != mask_value, -1)).
        return data.rank() == 3 ? data.max(2) : data;
    }

    private INDArray sequence() {
        return inputs[0].castTo(dataType);
    }

    private INDArray mask() {
        return maskOf(inputs[conf.getUse() == StepMask.Use.APPLY ? 0 : 1], conf.getMaskValue(), dataType);
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = sequence();
        INDArray m = mask();
        INDArray out = switch (conf.getUse()) {
            case APPLY -> x.mul(steps(m, x));
            case APPEND -> Nd4j.concat(2, x, m.reshape(m.size(0), m.size(1), 1));
            case AVERAGE -> x.mul(steps(m, x)).sum(1).diviColumnVector(counted(m));
        };
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, out);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = sequence();
        INDArray m = mask();
        INDArray eps = epsilon.castTo(dataType);
        INDArray dx = switch (conf.getUse()) {
            case APPLY -> eps.mul(steps(m, x));
            case APPEND -> eps.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, x.size(2))).dup();
            case AVERAGE -> {
                // d mean / d x_t = m_t / Σm: the same row for every unpadded step.
                INDArray perSample = eps.divColumnVector(counted(m));
                INDArray spread = Nd4j.create(dataType, x.shape());
                for (long t = 0; t < x.size(1); t++) {
                    spread.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).assign(perSample);
                }
                yield spread.muli(steps(m, x));
            }
        };
        INDArray[] out = new INDArray[inputs.length];
        out[0] = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, dx.castTo(inputs[0].dataType()));
        if (inputs.length > 1 && conf.isGradientToSource()) {
            out[1] = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, inputs[1].dataType(), inputs[1].shape());
            out[1].assign(0);
        }
        return new Pair<>(new DefaultGradient(), out);
    }

    /** The mask as [batch, steps, features], to multiply the sequence with. */
    private static INDArray steps(INDArray m, INDArray x) {
        return m.reshape(m.size(0), m.size(1), 1).repeat(2, x.size(2));
    }

    /**
     * The unpadded steps per sample, [batch, 1]; at least 1, where Keras would divide a sequence of padding alone by
     * 0 (an all-padding sample averages to 0 here, not NaN).
     */
    private static INDArray counted(INDArray m) {
        return Transforms.max(m.sum(true, 1), 1.0, false);
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        // no parameters
    }

    /** Our masks travel in the data (see StepMask); DL4J's own, if any, stop here. */
    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        return null;
    }

    @Override
    public String toString() {
        return "StepMaskVertex(" + vertexName + ", " + conf.getUse() + ")";
    }
}
