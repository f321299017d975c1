package org.neuralcanvas.domain.edit;

import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.ModelGraph;

/** Removes one connection; undo puts it back in the same input position. */
public final class DisconnectEdit implements Edit {
    private static final Sentences SAY = Sentences.DOMAIN;


    private final Edge edge;
    private int index = -1;

    public DisconnectEdit(Edge edge) {
        this.edge = edge;
    }

    @Override
    public void apply(ModelGraph graph) {
        index = graph.removeEdge(edge);
    }

    @Override
    public void revert(ModelGraph graph) {
        graph.addEdge(edge, index);
    }

    @Override
    public String description() {
        return SAY.say("edit.disconnect");
    }
}
