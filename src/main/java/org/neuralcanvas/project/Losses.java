package org.neuralcanvas.project;

import static org.neuralcanvas.project.LossKind.Labels.CLASS_INDEX;
import static org.neuralcanvas.project.LossKind.Labels.ONE_HOT;
import static org.neuralcanvas.project.LossKind.Labels.REAL;
import static org.neuralcanvas.project.LossKind.Labels.ZERO_ONE;
import static org.neuralcanvas.project.LossKind.Task.BINARY;
import static org.neuralcanvas.project.LossKind.Task.MULTICLASS;
import static org.neuralcanvas.project.LossKind.Task.REGRESSION;

import java.util.List;
import java.util.Optional;

/** The Keras losses NeuralCanvas trains with (keras.losses), with the spellings Keras 1, 2 and 3 files use. */
public final class Losses {

    public static final LossKind CATEGORICAL_CROSSENTROPY = loss("categorical_crossentropy", MULTICLASS, ONE_HOT,
            "CategoricalCrossentropy");
    public static final LossKind SPARSE_CATEGORICAL_CROSSENTROPY = loss("sparse_categorical_crossentropy", MULTICLASS,
            CLASS_INDEX, "SparseCategoricalCrossentropy");
    public static final LossKind BINARY_CROSSENTROPY = loss("binary_crossentropy", BINARY, ZERO_ONE,
            "BinaryCrossentropy");

    private static final List<LossKind> ALL = List.of(CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY,
            BINARY_CROSSENTROPY,
            loss("mse", REGRESSION, REAL, "mean_squared_error", "MeanSquaredError"),
            loss("mae", REGRESSION, REAL, "mean_absolute_error", "MeanAbsoluteError"),
            loss("mape", REGRESSION, REAL, "mean_absolute_percentage_error", "MeanAbsolutePercentageError"),
            loss("msle", REGRESSION, REAL, "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError"),
            loss("hinge", BINARY, ZERO_ONE, "Hinge"),
            loss("squared_hinge", BINARY, ZERO_ONE, "SquaredHinge"),
            loss("kl_divergence", REGRESSION, REAL, "kullback_leibler_divergence", "kld", "KLDivergence"),
            loss("poisson", REGRESSION, REAL, "Poisson"),
            loss("cosine_similarity", REGRESSION, REAL, "cosine_proximity", "CosineSimilarity"));

    /** The names, in the order the Train panel lists them. */
    public static final List<String> NAMES = ALL.stream().map(LossKind::name).toList();

    private Losses() {
    }

    public static List<LossKind> all() {
        return ALL;
    }

    /** By name or by any spelling a Keras file uses. */
    public static Optional<LossKind> find(String spelling) {
        return ALL.stream().filter(k -> k.isCalled(spelling)).findFirst();
    }

    private static LossKind loss(String name, LossKind.Task task, LossKind.Labels labels, String... aliases) {
        return new LossKind(name, List.of(aliases), task, labels);
    }
}
