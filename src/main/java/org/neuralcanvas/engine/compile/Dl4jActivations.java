package org.neuralcanvas.engine.compile;

import java.util.Map;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/** Keras activation names ({@code Activations.NAMES}) to DL4J's {@link Activation}. */
public final class Dl4jActivations {

    // leaky_relu: DL4J's slope is 0.01 (tf.nn.leaky_relu's is 0.2); hard_sigmoid: DL4J's is 0.2x+0.5 like Keras 2.
    private static final Map<String, Activation> BY_KERAS_NAME = Map.ofEntries(
            Map.entry("linear", Activation.IDENTITY), Map.entry("relu", Activation.RELU),
            Map.entry("sigmoid", Activation.SIGMOID), Map.entry("tanh", Activation.TANH),
            Map.entry("softmax", Activation.SOFTMAX), Map.entry("elu", Activation.ELU),
            Map.entry("selu", Activation.SELU), Map.entry("softplus", Activation.SOFTPLUS),
            Map.entry("softsign", Activation.SOFTSIGN), Map.entry("leaky_relu", Activation.LEAKYRELU),
            Map.entry("relu6", Activation.RELU6), Map.entry("hard_sigmoid", Activation.HARDSIGMOID),
            Map.entry("swish", Activation.SWISH), Map.entry("gelu", Activation.GELU),
            Map.entry("mish", Activation.MISH));

    private Dl4jActivations() {
    }

    /**
     * The activation function a compiled layer gets: DL4J's, except ReLU, whose gradient is DL4J's slowest op on
     * a convolution's activations ({@link ContiguousRelu}). Null when the name is unknown.
     */
    public static IActivation function(String kerasName) {
        Activation a = of(kerasName);
        if (a == null) {
            return null;
        }
        return a == Activation.RELU ? new ContiguousRelu() : a.getActivationFunction();
    }

    /** The DL4J activation, or null when the name is unknown. */
    public static Activation of(String kerasName) {
        return kerasName == null ? null : BY_KERAS_NAME.get(kerasName);
    }
}
