package org.neuralcanvas.project;

import java.util.List;
import java.util.Optional;

/**
 * A Keras optimizer, declared once: the name {@code compile(optimizer=...)} takes, its class, the arguments
 * it has (in Keras's order) with their defaults, and how many arrays of state it keeps per weight (for the
 * memory estimate).
 *
 * @param stateCopies arrays of optimizer state per weight array: 0 for plain SGD, 1 for RMSprop, 2 for Adam
 */
public record OptimizerKind(String name, String kerasClass, List<OptimizerParam> params, int stateCopies) {

    public OptimizerKind {
        params = List.copyOf(params);
    }

    public Optional<OptimizerParam> param(String kerasName) {
        return params.stream().filter(p -> p.name().equals(kerasName)).findFirst();
    }

    public boolean has(String kerasName) {
        return param(kerasName).isPresent();
    }

    /** This optimizer with every argument at its Keras default. */
    public OptimizerSettings defaults() {
        OptimizerSettings o = new OptimizerSettings(name, 0.001, 0.0, false, 0.0, 0.9, 0.9, 0.999, 1e-7, 0.0, 0.0);
        for (OptimizerParam p : params) {
            o = o.with(p.name(), p.kerasDefault());
        }
        return o;
    }
}
