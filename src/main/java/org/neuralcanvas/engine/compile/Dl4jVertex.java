package org.neuralcanvas.engine.compile;

/**
 * The vertex whose activations are a node's output.
 *
 * @param name        the vertex: the node's own name, or a {@code name__suffix} helper after it
 * @param appliesLoss the vertex is already an output layer with the training loss (a Dense at the end),
 *                    so the compiler adds no loss layer after it
 */
record Dl4jVertex(String name, boolean appliesLoss) {

    static Dl4jVertex of(String name) {
        return new Dl4jVertex(name, false);
    }

    static Dl4jVertex output(String name) {
        return new Dl4jVertex(name, true);
    }
}
