package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.BIAS_INITIALIZER;
import static org.neuralcanvas.domain.layer.ParamKeys.KERNEL_INITIALIZER;
import static org.neuralcanvas.domain.layer.ParamKeys.TRAINABLE;

import java.util.List;

/**
 * The settings every layer with weights shares with its Keras counterpart: how its kernel and bias start
 * (Keras's initializer names; those DL4J has an exact counterpart for), their L1/L2 penalties and the one on the
 * layer's output (activity_regularizer), and whether training
 * changes them
 * ({@code trainable=False}: a frozen layer, counted as non-trainable in the summary).
 */
public final class WeightSettings {

    /** Keras initializers with the same distribution in DL4J. */
    public static final List<String> KERNEL_INITIALIZERS = List.of("glorot_uniform", "glorot_normal", "he_uniform",
            "he_normal", "lecun_uniform", "lecun_normal", "zeros", "ones");
    /** Constant biases only: DL4J starts a bias at one number. */
    public static final List<String> BIAS_INITIALIZERS = List.of("zeros", "ones");

    private WeightSettings() {
    }

    /** kernel/bias initializers (Keras 1 called the first init) and regularizers (Keras 1: W_/b_regularizer). */
    static List<ParamSpec> initializers() {
        return List.of(ParamSpec.choiceParam(KERNEL_INITIALIZER, "glorot_uniform", KERNEL_INITIALIZERS).aka("init"),
                ParamSpec.choiceParam(BIAS_INITIALIZER, "zeros", BIAS_INITIALIZERS),
                ParamSpec.regularizerParam(ParamKeys.KERNEL_REGULARIZER).aka("W_regularizer"),
                ParamSpec.regularizerParam(ParamKeys.BIAS_REGULARIZER).aka("b_regularizer"),
                ParamSpec.regularizerParam(ParamKeys.ACTIVITY_REGULARIZER));
    }

    static ParamSpec trainable() {
        return ParamSpec.boolParam(TRAINABLE, true);
    }

    /** The count with a frozen layer's weights moved to non-trainable, as Keras's summary counts them. */
    static ParamCount frozenIfSo(LayerParams p, ParamCount count) {
        return p.has(TRAINABLE.name()) && Boolean.FALSE.equals(p.get(TRAINABLE.name()))
                ? new ParamCount(0, count.total()) : count;
    }
}
