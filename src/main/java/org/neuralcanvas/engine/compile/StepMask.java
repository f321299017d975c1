package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's step mask, made inside the network from the data it comes from rather than handed in with every batch:
 * step t of a sample is padding when every feature of the mask's source at t equals {@code maskValue} (Masking), or
 * its word index is 0 (Embedding's mask_zero, {@code maskValue} 0). DL4J's own masks arrive beside the data and
 * would have to travel through training, evaluation and prediction alike; this way a saved model masks as it did.
 *
 * <p>{@link Use#APPLY} is the Masking layer itself, its input with the padded steps set to 0; {@link Use#APPEND}
 * puts the mask after a reader's input as one more feature, which our masked LSTM and GRU take off again;
 * {@link Use#AVERAGE} is GlobalAveragePooling1D over the steps that are not padding. Bean properties for DL4J's JSON.
 */
public final class StepMask extends GraphVertex {

    /** What the vertex makes of its input and the mask. */
    public enum Use {
        /** Masking: [batch, steps, features] with padded steps set to 0. Input: the sequence (also the source). */
        APPLY,
        /** [batch, steps, features + 1], the mask last. Inputs: the sequence, the mask's source. */
        APPEND,
        /** [batch, features], the mean over the unpadded steps. Inputs: the sequence, the mask's source. */
        AVERAGE
    }

    private Use use = Use.APPLY;
    private double maskValue;
    private boolean gradientToSource = true;

    /** For Jackson, which restores a saved model's configuration. */
    public StepMask() {
    }

    public StepMask(Use use, double maskValue) {
        this(use, maskValue, true);
    }

    /**
     * @param gradientToSource false when the mask's source is word indices (Embedding's input): no layer sends a
     *                         gradient there, and DL4J, adding the gradients a vertex gets, cannot add a zero one to
     *                         the Embedding's none
     */
    public StepMask(Use use, double maskValue, boolean gradientToSource) {
        this.use = use;
        this.maskValue = maskValue;
        this.gradientToSource = gradientToSource;
    }

    @Override
    public StepMask clone() {
        return new StepMask(use, maskValue, gradientToSource);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepMask m && m.use == use && m.maskValue == maskValue
                && m.gradientToSource == gradientToSource;
    }

    @Override
    public int hashCode() {
        return use.hashCode() * 31 + Double.hashCode(maskValue);
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return use == Use.APPLY ? 1 : 2;
    }

    @Override
    public int maxVertexInputs() {
        return minVertexInputs();
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int index,
            INDArray paramsView, boolean initializeParams, DataType dataType) {
        return new StepMaskVertex(graph, name, index, this, dataType);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) {
        InputType.InputTypeRecurrent x = (InputType.InputTypeRecurrent) inputs[0];
        return switch (use) {
            case APPLY -> x;
            case APPEND -> InputType.recurrent(x.getSize() + 1, x.getTimeSeriesLength(), RNNFormat.NWC);
            case AVERAGE -> InputType.feedForward(x.getSize());
        };
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputs) {
        return new LayerMemoryReport.Builder(null, StepMask.class, inputs[0], getOutputType(-1, inputs))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    public Use getUse() {
        return use;
    }

    public void setUse(Use use) {
        this.use = use;
    }

    /** Whether the source gets a (zero) gradient back; see the constructor. */
    public boolean isGradientToSource() {
        return gradientToSource;
    }

    public void setGradientToSource(boolean gradientToSource) {
        this.gradientToSource = gradientToSource;
    }

    public double getMaskValue() {
        return maskValue;
    }

    public void setMaskValue(double maskValue) {
        this.maskValue = maskValue;
    }
}
