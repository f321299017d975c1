package org.neuralcanvas.domain.edit;

import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNames;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerKind;

/** Adds a layer (with its default parameters and next free Keras name). */
public final class AddNodeEdit implements Edit {
    private static final Sentences SAY = Sentences.DOMAIN;


    private final LayerNode node;

    public AddNodeEdit(LayerNode node) {
        this.node = node;
    }

    /** A new layer of a kind at a position, named and identified for this graph. */
    public static AddNodeEdit of(ModelGraph graph, LayerKind kind, double x, double y) {
        return new AddNodeEdit(new LayerNode(graph.newNodeId(), kind, LayerNames.nextFree(graph, kind),
                kind.defaults(), x, y));
    }

    /** Adds a layer and connects the given node's output to it, as "append after the selection" does. */
    public static Edit appendAfter(ModelGraph graph, String afterId, LayerKind kind, double x, double y) {
        AddNodeEdit add = of(graph, kind, x, y);
        return new CompositeEdit(SAY.say("edit.add", add.node.name()),
                java.util.List.of(add, new ConnectEdit(new Edge(afterId, add.node.id()))));
    }

    public LayerNode node() {
        return node;
    }

    @Override
    public void apply(ModelGraph graph) {
        graph.addNode(node);
    }

    @Override
    public void revert(ModelGraph graph) {
        graph.removeNode(node.id());
    }

    @Override
    public String description() {
        return SAY.say("edit.add", node.name());
    }
}
