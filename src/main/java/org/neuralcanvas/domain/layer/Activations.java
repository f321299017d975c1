package org.neuralcanvas.domain.layer;

import java.util.List;

/**
 * The activation functions a layer may use, by their Keras names. Each has a DL4J
 * counterpart; the compiler maps them.
 */
public final class Activations {

    /** Keras names, in the order the inspector lists them. */
    public static final List<String> NAMES = List.of(
            "linear", "relu", "sigmoid", "tanh", "softmax", "elu", "selu", "softplus", "softsign",
            "leaky_relu", "relu6", "hard_sigmoid", "swish", "gelu", "mish");

    private Activations() {
    }

    public static ParamSpec param(String defaultName) {
        return ParamSpec.choiceParam(ParamKeys.ACTIVATION, defaultName, NAMES);
    }
}
