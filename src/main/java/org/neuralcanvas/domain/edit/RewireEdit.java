package org.neuralcanvas.domain.edit;

import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.text.Sentences;

/**
 * Replaces one connection by another in the same place of the edge list, so that the layer it feeds keeps the
 * order of its inputs (a Concatenate's first input stays first) when a layer is spliced in or bridged over.
 */
final class RewireEdit implements Edit {
    private static final Sentences SAY = Sentences.DOMAIN;

    private final Edge before;
    private final Edge after;

    RewireEdit(Edge before, Edge after) {
        this.before = before;
        this.after = after;
    }

    @Override
    public void apply(ModelGraph graph) {
        graph.addEdge(after, graph.removeEdge(before));
    }

    @Override
    public void revert(ModelGraph graph) {
        graph.addEdge(before, graph.removeEdge(after));
    }

    @Override
    public String description() {
        return SAY.say("edit.connect");
    }
}
