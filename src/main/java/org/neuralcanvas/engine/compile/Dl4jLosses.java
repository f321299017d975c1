package org.neuralcanvas.engine.compile;

import java.util.Map;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Keras loss names ({@code TrainingSettings.LOSSES}) to DL4J's loss functions. */
public final class Dl4jLosses {

    private static final Map<String, LossFunction> BY_KERAS_NAME = Map.ofEntries(
            Map.entry("categorical_crossentropy", LossFunction.MCXENT),
            Map.entry("sparse_categorical_crossentropy", LossFunction.SPARSE_MCXENT),
            Map.entry("binary_crossentropy", LossFunction.XENT),
            Map.entry("mse", LossFunction.MSE),
            Map.entry("mean_squared_error", LossFunction.MSE),
            Map.entry("mae", LossFunction.MEAN_ABSOLUTE_ERROR),
            Map.entry("mean_absolute_error", LossFunction.MEAN_ABSOLUTE_ERROR),
            Map.entry("mape", LossFunction.MEAN_ABSOLUTE_PERCENTAGE_ERROR),
            Map.entry("msle", LossFunction.MEAN_SQUARED_LOGARITHMIC_ERROR),
            Map.entry("hinge", LossFunction.HINGE),
            Map.entry("squared_hinge", LossFunction.SQUARED_HINGE),
            Map.entry("kl_divergence", LossFunction.KL_DIVERGENCE),
            Map.entry("poisson", LossFunction.POISSON),
            Map.entry("cosine_similarity", LossFunction.COSINE_PROXIMITY));

    private Dl4jLosses() {
    }

    /** The DL4J loss, or null when the name is unknown. */
    public static LossFunction of(String kerasName) {
        return kerasName == null ? null : BY_KERAS_NAME.get(kerasName);
    }
}
