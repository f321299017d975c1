package org.neuralcanvas.engine.compile;

import java.util.Map;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * Keras initializer names (WeightSettings.KERNEL_INITIALIZERS) to DL4J's. The uniform ones are the same
 * distributions; Keras draws its normal ones from a truncated normal, DL4J from a plain one of the same variance.
 */
final class Dl4jInitializers {

    private static final Map<String, WeightInit> BY_KERAS_NAME = Map.of(
            "glorot_uniform", WeightInit.XAVIER_UNIFORM,
            "glorot_normal", WeightInit.XAVIER,
            "he_uniform", WeightInit.RELU_UNIFORM,
            "he_normal", WeightInit.RELU,
            "lecun_uniform", WeightInit.LECUN_UNIFORM,
            "lecun_normal", WeightInit.LECUN_NORMAL,
            "zeros", WeightInit.ZERO,
            "ones", WeightInit.ONES);

    private Dl4jInitializers() {
    }

    static WeightInit of(String kerasName) {
        WeightInit init = BY_KERAS_NAME.get(kerasName);
        if (init == null) {
            throw new UnsupportedOperationException("The initializer '" + kerasName + "' has no DL4J counterpart. "
                    + "Choose one of " + String.join(", ", BY_KERAS_NAME.keySet()) + ".");
        }
        return init;
    }
}
