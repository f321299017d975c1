package org.neuralcanvas.engine.compile;

import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.lossfunctions.ILossFunction;
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

    /** Losses Keras averages over the last axis where DL4J's adds the columns up (the others agree per position). */
    private static final Set<LossFunction> SUMMED_OVER_COLUMNS = Set.of(LossFunction.XENT, LossFunction.HINGE,
            LossFunction.SQUARED_HINGE, LossFunction.POISSON);

    private Dl4jLosses() {
    }

    /**
     * The DL4J loss for an output of this shape (without the batch axis), scaled to the value Keras reports
     * ({@link KerasMeanLoss}): divided by the number of positions, and by the width where Keras averages it.
     */
    static ILossFunction forOutput(LossFunction loss, TensorShape outputShape) {
        double divisor = outputShape.size() / outputShape.last();
        if (SUMMED_OVER_COLUMNS.contains(loss)) {
            divisor *= outputShape.last();
        }
        return divisor == 1 ? loss.getILossFunction() : new KerasMeanLoss(loss.getILossFunction(), 1.0 / divisor);
    }

    /** The DL4J loss, or null when the name is unknown. */
    public static LossFunction of(String kerasName) {
        return kerasName == null ? null : BY_KERAS_NAME.get(kerasName);
    }
}
