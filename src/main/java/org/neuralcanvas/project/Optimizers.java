package org.neuralcanvas.project;

import static org.neuralcanvas.project.OptimizerParam.flag;
import static org.neuralcanvas.project.OptimizerParam.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Keras optimizers NeuralCanvas trains with, each with the arguments of its Keras class and Keras's
 * defaults (keras.optimizers in Keras 2.x, which the Keras notes use; Keras 3 dropped {@code decay}, which the
 * exporters turn into an InverseTimeDecay schedule). Every optimizer also takes {@code decay}, {@code clipnorm}
 * and {@code clipvalue}.
 */
public final class Optimizers {

    public static final OptimizerKind SGD = kind("sgd", "SGD", 0, 0.01,
            number(SettingRanges.MOMENTUM, 0.0), flag("nesterov", false));
    public static final OptimizerKind RMSPROP = kind("rmsprop", "RMSprop", 1, 0.001,
            number(SettingRanges.RHO, 0.9), number(SettingRanges.EPSILON, 1e-7));
    public static final OptimizerKind ADAM = kind("adam", "Adam", 2, 0.001,
            number(SettingRanges.BETA_1, 0.9), number(SettingRanges.BETA_2, 0.999), number(SettingRanges.EPSILON, 1e-7));
    public static final OptimizerKind ADAGRAD = kind("adagrad", "Adagrad", 1, 0.001,
            number(SettingRanges.EPSILON, 1e-7));
    /** Adadelta's learning rate is Keras 2.2's 1.0: DL4J's Adadelta has none (it is always 1). */
    public static final OptimizerKind ADADELTA = kind("adadelta", "Adadelta", 2, 1.0,
            number(SettingRanges.RHO, 0.95), number(SettingRanges.EPSILON, 1e-7));
    public static final OptimizerKind NADAM = kind("nadam", "Nadam", 2, 0.001,
            number(SettingRanges.BETA_1, 0.9), number(SettingRanges.BETA_2, 0.999), number(SettingRanges.EPSILON, 1e-7));
    public static final OptimizerKind ADAMAX = kind("adamax", "Adamax", 2, 0.001,
            number(SettingRanges.BETA_1, 0.9), number(SettingRanges.BETA_2, 0.999), number(SettingRanges.EPSILON, 1e-7));

    private static final List<OptimizerKind> ALL = List.of(SGD, RMSPROP, ADAM, ADAGRAD, ADADELTA, NADAM, ADAMAX);

    /** The names, in the order the Train panel lists them. */
    public static final List<String> NAMES = ALL.stream().map(OptimizerKind::name).toList();

    private Optimizers() {
    }

    public static List<OptimizerKind> all() {
        return ALL;
    }

    /** By the name {@code compile} takes ({@code rmsprop}) or the Keras class ({@code RMSprop}), in any case. */
    public static Optional<OptimizerKind> find(String name) {
        return ALL.stream().filter(k -> k.name().equalsIgnoreCase(name) || k.kerasClass().equalsIgnoreCase(name))
                .findFirst();
    }

    private static OptimizerKind kind(String name, String cls, int stateCopies, double lr, OptimizerParam... own) {
        List<OptimizerParam> params = new ArrayList<>();
        params.add(number(SettingRanges.LEARNING_RATE, lr, "lr"));
        params.addAll(List.of(own));
        params.add(number(SettingRanges.DECAY, 0.0));
        params.add(number(SettingRanges.CLIPNORM, 0.0));
        params.add(number(SettingRanges.CLIPVALUE, 0.0));
        return new OptimizerKind(name, cls, params, stateCopies);
    }
}
