package org.neuralcanvas.engine.compile;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The two halves of Keras's TimeDistributed: before the layer, a batch of sequences [batch, steps, ...] becomes a
 * batch of steps [batch·steps, ...] ({@code merge}), which the layer reads as samples, one set of weights for all
 * steps; after it, the steps go back into their sequences [batch, steps, ...]. Row-major reshapes only, as
 * activations are channels-last. Shapes exclude the batch axis; bean properties for DL4J's JSON.
 */
public final class StepsAsBatch extends BaseInputPreProcessor {

    private long steps;
    private long[] stepShape;
    private boolean merge;

    public StepsAsBatch() {
    }

    /** @param stepShape one step's shape: the layer's input shape when merging, its output shape when splitting */
    public StepsAsBatch(long steps, long[] stepShape, boolean merge) {
        this.steps = steps;
        this.stepShape = stepShape.clone();
        this.merge = merge;
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, reshape(input, merge));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, reshape(output, !merge));
    }

    /** [b, steps, step...] → [b·steps, step...] when {@code toSteps}, else back. */
    private INDArray reshape(INDArray a, boolean toSteps) {
        long samples = toSteps ? a.size(0) * steps : a.size(0) / steps;
        long[] shape = new long[stepShape.length + (toSteps ? 1 : 2)];
        shape[0] = samples;
        int at = 1;
        if (!toSteps) {
            shape[at++] = steps;
        }
        System.arraycopy(stepShape, 0, shape, at, stepShape.length);
        return a.dup('c').reshape('c', shape);
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (merge) {
            return ChannelsLastReshape.typeOf(stepShape);
        }
        long[] whole = new long[stepShape.length + 1];
        whole[0] = steps;
        System.arraycopy(stepShape, 0, whole, 1, stepShape.length);
        return ChannelsLastReshape.typeOf(whole);
    }

    public long getSteps() {
        return steps;
    }

    public void setSteps(long steps) {
        this.steps = steps;
    }

    public long[] getStepShape() {
        return stepShape;
    }

    public void setStepShape(long[] stepShape) {
        this.stepShape = stepShape;
    }

    public boolean isMerge() {
        return merge;
    }

    public void setMerge(boolean merge) {
        this.merge = merge;
    }

    @Override
    public StepsAsBatch clone() {
        return new StepsAsBatch(steps, stepShape, merge);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepsAsBatch s && steps == s.steps && merge == s.merge && Arrays.equals(stepShape, s.stepShape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(stepShape) * 31 + Long.hashCode(steps) * 2 + (merge ? 1 : 0);
    }
}
