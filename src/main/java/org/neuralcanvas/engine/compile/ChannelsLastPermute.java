package org.neuralcanvas.engine.compile;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code Permute(dims)}: the sample's axes in a new order ({@code dims} counts them from 1, as Keras does;
 * the batch axis stays first). The gradient goes back through the inverse order. Serialised into the model zip by
 * DL4J's JSON (no-arg constructor and bean properties).
 */
public final class ChannelsLastPermute extends BaseInputPreProcessor {

    private int[] dims;
    private long[] outputShape;

    public ChannelsLastPermute() {
    }

    public ChannelsLastPermute(int[] dims, long[] outputShape) {
        this.dims = dims.clone();
        this.outputShape = outputShape.clone();
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        int[] order = new int[dims.length + 1];
        for (int i = 0; i < dims.length; i++) {
            order[i + 1] = dims[i];
        }
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, input.permute(order), 'c');
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        int[] inverse = new int[dims.length + 1];
        for (int i = 0; i < dims.length; i++) {
            inverse[dims[i]] = i + 1;
        }
        return workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, output.permute(inverse), 'c');
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return ChannelsLastReshape.typeOf(outputShape);
    }

    public int[] getDims() {
        return dims;
    }

    public void setDims(int[] dims) {
        this.dims = dims;
    }

    public long[] getOutputShape() {
        return outputShape;
    }

    public void setOutputShape(long[] outputShape) {
        this.outputShape = outputShape;
    }

    @Override
    public ChannelsLastPermute clone() {
        return new ChannelsLastPermute(dims, outputShape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelsLastPermute p && Arrays.equals(dims, p.dims) && Arrays.equals(outputShape, p.outputShape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(outputShape);
    }
}
