package org.neuralcanvas.domain.graph;

import java.util.Objects;

/**
 * A connection from one layer's output to another layer's input. A layer has one output; its
 * inputs are ordered by the order of its incoming edges in the graph (the order of the list
 * Keras would pass to a merge layer).
 */
public record Edge(String from, String to) {

    public Edge {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
    }

    /** A stable id for problems and views, e.g. {@code n1->n2}. */
    public String id() {
        return from + "->" + to;
    }
}
