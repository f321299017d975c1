package org.neuralcanvas.engine.compile;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.preprocessor.BaseInputPreProcessor;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code Reshape} and {@code Flatten}: a row-major reshape of each sample, which is exactly
 * Keras's semantics because activations here are channels-last ([batch, steps, features] and
 * [batch, height, width, channels]). DL4J's own preprocessors assume channels-first, hence this one.
 * The shapes exclude the batch axis. Serialised into the model zip by DL4J's JSON (no-arg constructor
 * and bean properties).
 */
public final class ChannelsLastReshape extends BaseInputPreProcessor {

    private long[] inputShape;
    private long[] targetShape;

    public ChannelsLastReshape() {
    }

    public ChannelsLastReshape(long[] inputShape, long[] targetShape) {
        this.inputShape = inputShape.clone();
        this.targetShape = targetShape.clone();
    }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, input.reshape('c', withBatch(input.size(0), targetShape)));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, output.reshape('c', withBatch(output.size(0), inputShape)));
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        return typeOf(targetShape);
    }

    /** The DL4J input type of a channels-last sample shape (no batch axis). */
    /** The DL4J input type of a channels-last sample shape (no batch axis). */
    static InputType typeOf(long[] shape) {
        return switch (shape.length) {
            case 1 -> InputType.feedForward(shape[0]);
            case 2 -> InputType.recurrent(shape[1], shape[0], RNNFormat.NWC);
            case 3 -> InputType.convolutional(shape[0], shape[1], shape[2], CNN2DFormat.NHWC);
            // A sequence of images (steps, height, width, channels), read by TimeDistributed layers.
            case 4 -> InputType.convolutional3D(org.deeplearning4j.nn.conf.layers.Convolution3D.DataFormat.NDHWC,
                    shape[0], shape[1], shape[2], shape[3]);
            default -> throw new IllegalArgumentException("Unsupported rank " + shape.length);
        };
    }

    private static long[] withBatch(long batch, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = batch;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    public long[] getInputShape() {
        return inputShape;
    }

    public void setInputShape(long[] inputShape) {
        this.inputShape = inputShape;
    }

    public long[] getTargetShape() {
        return targetShape;
    }

    public void setTargetShape(long[] targetShape) {
        this.targetShape = targetShape;
    }

    @Override
    public ChannelsLastReshape clone() {
        return new ChannelsLastReshape(inputShape, targetShape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelsLastReshape r && Arrays.equals(inputShape, r.inputShape)
                && Arrays.equals(targetShape, r.targetShape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(inputShape) + Arrays.hashCode(targetShape);
    }
}
