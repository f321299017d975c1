package org.neuralcanvas.domain.edit;

import org.neuralcanvas.domain.text.Sentences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;

/** Deletes layers and every edge touching them; undo restores nodes and edges in their old order. */
public final class RemoveNodesEdit implements Edit {
    private static final Sentences SAY = Sentences.DOMAIN;


    private record Placed<T>(T item, int index) {
    }

    private final Set<String> ids;
    private final List<Placed<LayerNode>> removedNodes = new ArrayList<>();
    private final List<Placed<Edge>> removedEdges = new ArrayList<>();

    public RemoveNodesEdit(Collection<String> ids) {
        this.ids = new LinkedHashSet<>(ids);
    }

    @Override
    public void apply(ModelGraph graph) {
        removedNodes.clear();
        removedEdges.clear();
        // Remove from the back so that each recorded index is valid when re-inserted front to back.
        List<Edge> edges = graph.edges();
        for (int i = edges.size() - 1; i >= 0; i--) {
            Edge e = edges.get(i);
            if (ids.contains(e.from()) || ids.contains(e.to())) {
                graph.removeEdge(e);
                removedEdges.add(0, new Placed<>(e, i));
            }
        }
        List<LayerNode> nodes = graph.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            LayerNode n = nodes.get(i);
            if (ids.contains(n.id())) {
                graph.removeNode(n.id());
                removedNodes.add(0, new Placed<>(n, i));
            }
        }
    }

    @Override
    public void revert(ModelGraph graph) {
        removedNodes.stream().sorted(Comparator.comparingInt(Placed::index))
                .forEach(p -> graph.addNode(p.item(), p.index()));
        removedEdges.stream().sorted(Comparator.comparingInt(Placed::index))
                .forEach(p -> graph.addEdge(p.item(), p.index()));
    }

    @Override
    public String description() {
        return removedNodes.size() == 1 ? SAY.say("edit.delete.one", removedNodes.get(0).item().name())
                : SAY.say("edit.delete.many", String.valueOf(ids.size()));
    }
}
