package org.neuralcanvas.domain.edit;

import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.ModelGraph;

/** Connects one layer's output to another's input (appended as its last input). */
public final class ConnectEdit implements Edit {
    private static final Sentences SAY = Sentences.DOMAIN;


    private final Edge edge;

    public ConnectEdit(Edge edge) {
        this.edge = edge;
    }

    @Override
    public void apply(ModelGraph graph) {
        graph.addEdge(edge);
    }

    @Override
    public void revert(ModelGraph graph) {
        graph.removeEdge(edge);
    }

    @Override
    public String description() {
        return SAY.say("edit.connect");
    }
}
