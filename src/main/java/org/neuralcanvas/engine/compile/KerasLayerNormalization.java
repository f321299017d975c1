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
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's LayerNormalization over the last axis, which DL4J 1.0.0-M2.1 has no layer for, on DL4J's extension point
 * for layers of our own: each sample's (and step's, and pixel's) features standardised with their own mean and
 * variance plus {@code epsilon}, then scaled by {@code gamma} and shifted by {@code beta} (Keras starts them at 1
 * and 0). {@link KerasLayerNormalizationLayer} computes it and its gradient.
 */
public final class KerasLayerNormalization extends OwnLayerConfiguration {

    public static final String GAMMA = "gamma";
    public static final String BETA = "beta";

    private long features;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private InputType outputType;

    /** For Jackson, which restores a saved model's configuration. */
    public KerasLayerNormalization() {
    }

    public KerasLayerNormalization(double epsilon, boolean center, boolean scale) {
        this.epsilon = epsilon;
        this.center = center;
        this.scale = scale;
    }

    /** Never built: {@link KerasLayerNormalizationLayer} computes the layer itself. */
    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        throw new UnsupportedOperationException("KerasLayerNormalizationLayer computes the layer; it has no graph");
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        if (scale) {
            params.addWeightParam(GAMMA, 1, features);
        }
        if (center) {
            params.addBiasParam(BETA, 1, features);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            if (scale) {
                params.get(GAMMA).assign(1);
            }
            if (center) {
                params.get(BETA).assign(0);
            }
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray view, boolean initialize, DataType dataType) {
        return LayerInstances.wire(new KerasLayerNormalizationLayer(conf, dataType), conf, listeners, index, view,
                initialize, initializer());
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (override || features <= 0) {
            long[] shape = inputType.getShape(false);
            features = shape[shape.length - 1];
            if (inputType instanceof InputType.InputTypeRecurrent r) {
                features = r.getSize();
            } else if (inputType instanceof InputType.InputTypeConvolutional c) {
                features = c.getChannels();
            }
        }
    }

    public long getFeatures() {
        return features;
    }

    public void setFeatures(long features) {
        this.features = features;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    public boolean isCenter() {
        return center;
    }

    public void setCenter(boolean center) {
        this.center = center;
    }

    public boolean isScale() {
        return scale;
    }

    public void setScale(boolean scale) {
        this.scale = scale;
    }
}
