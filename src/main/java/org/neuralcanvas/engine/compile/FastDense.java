package org.neuralcanvas.engine.compile;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's Dense as DL4J's {@link DenseLayer} with a cheaper backward pass ({@link FastDenseLayer}): DL4J recomputes
 * the layer's pre-activation (x·W + b) at the start of every backward pass and always computes the gradient for
 * its input, so a 784-512 layer costs three products of [128, 784]x[784, 512] per step instead of one (the first
 * layer needs no input gradient) or two. Same parameters, initialisation and saved form as DL4J's layer, plus one
 * flag that the compiler sets: whether anything upstream needs the gradient of this layer's input.
 */
public final class FastDense extends DenseLayer {

    private boolean inputGradientNeeded = true;

    /** For Jackson, which restores a saved model's configuration. */
    public FastDense() {
    }

    /** Keras's Dense: {@code units}, its activation, a bias or not. */
    public static FastDense of(long units, IActivation activation, boolean useBias, boolean inputGradientNeeded) {
        FastDense d = new FastDense();
        // What DL4J's builder leaves "not set", so that the network's settings (clipnorm, initialisation,
        // regularisation) apply to this layer as to any other; the no-argument constructor sets them to values.
        DenseLayer unset = new DenseLayer.Builder().build();
        d.setBiasInit(unset.getBiasInit());
        d.setGainInit(unset.getGainInit());
        d.setRegularization(unset.getRegularization());
        d.setRegularizationBias(unset.getRegularizationBias());
        d.setGradientNormalization(unset.getGradientNormalization());
        d.setGradientNormalizationThreshold(unset.getGradientNormalizationThreshold());
        d.setNOut(units);
        d.setActivationFn(activation);
        d.setHasBias(useBias);
        d.setInputGradientNeeded(inputGradientNeeded);
        return d;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray view, boolean initialize, DataType dataType) {
        // As DenseLayer.instantiate, with our running layer.
        LayerValidation.assertNInNOutSet("DenseLayer", getLayerName(), index, getNIn(), getNOut());
        return LayerInstances.wire(new FastDenseLayer(conf, dataType), conf, listeners, index, view, initialize,
                initializer());
    }

    /** False for a layer fed straight from the network's input: nothing upstream has weights. */
    public boolean isInputGradientNeeded() {
        return inputGradientNeeded;
    }

    public void setInputGradientNeeded(boolean inputGradientNeeded) {
        this.inputGradientNeeded = inputGradientNeeded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastDense f && super.equals(o) && f.inputGradientNeeded == inputGradientNeeded;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(inputGradientNeeded);
    }
}
