package org.neuralcanvas.engine.compile;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code activity_regularizer}, which DL4J has no counterpart for: after the layer, its output unchanged,
 * and while training a penalty on it added to the loss, l1 · Σ|y| + l2 · Σy² over the whole batch, as Keras 3 adds
 * it ({@code Layer.__call__} adds the regularizer of each output as a loss; tf.keras 2 divided it by the batch
 * size). {@link ActivityPenaltyLayer} computes the penalty and its gradient. Bean properties for DL4J's JSON.
 */
public final class ActivityPenalty extends OwnLayerConfiguration {

    private double l1;
    private double l2;

    /** For Jackson, which restores a saved model's configuration. */
    public ActivityPenalty() {
    }

    public ActivityPenalty(double l1, double l2) {
        this.l1 = l1;
        this.l2 = l2;
    }

    /** Never built: {@link ActivityPenaltyLayer} computes the layer itself. */
    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        throw new UnsupportedOperationException("ActivityPenaltyLayer computes the penalty; it has no graph");
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // no parameters
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray view, boolean initialize, DataType dataType) {
        return LayerInstances.wire(new ActivityPenaltyLayer(conf, dataType), conf, listeners, index, view, initialize,
                initializer());
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    public double getL1() {
        return l1;
    }

    public void setL1(double l1) {
        this.l1 = l1;
    }

    public double getL2() {
        return l2;
    }

    public void setL2(double l2) {
        this.l2 = l2;
    }
}
