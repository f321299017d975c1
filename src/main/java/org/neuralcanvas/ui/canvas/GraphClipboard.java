package org.neuralcanvas.ui.canvas;

import org.neuralcanvas.domain.text.Sentences;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.edit.AddNodeEdit;
import org.neuralcanvas.domain.edit.CompositeEdit;
import org.neuralcanvas.domain.edit.ConnectEdit;
import org.neuralcanvas.domain.edit.Edit;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNames;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * Copy, paste and duplicate of layers: a snapshot of the copied nodes and the edges among them,
 * pasted as one undoable edit with fresh ids and Keras names, offset so the copy is visible.
 */
public final class GraphClipboard {
    private static final Sentences SAY = Sentences.DOMAIN;


    /** Copied layers and the connections between them. */
    public record Fragment(List<LayerNode> nodes, List<Edge> edges) {
        public boolean isEmpty() {
            return nodes.isEmpty();
        }
    }

    private Fragment content = new Fragment(List.of(), List.of());

    public void copy(ModelGraph graph, Collection<String> ids) {
        content = fragment(graph, ids);
    }

    public boolean isEmpty() {
        return content.isEmpty();
    }

    /** The edit that pastes the clipboard, or null when it is empty; {@code newIds} receives the new ids. */
    public Edit paste(ModelGraph graph, double dx, double dy, List<String> newIds) {
        return content.isEmpty() ? null : insert(graph, content, dx, dy, newIds);
    }

    public static Fragment fragment(ModelGraph graph, Collection<String> ids) {
        Set<String> set = Set.copyOf(ids);
        List<LayerNode> nodes = graph.nodes().stream().filter(n -> set.contains(n.id())).toList();
        List<Edge> edges = graph.edges().stream().filter(e -> set.contains(e.from()) && set.contains(e.to())).toList();
        return new Fragment(nodes, edges);
    }

    /**
     * Adds copies of a fragment's layers (fresh ids; their own names where free, as after a cut, else the next free
     * Keras name) and its inner connections, as one edit. The copies are offset by (dx, dy), further right while
     * they would lie on layers already there.
     */
    public static Edit insert(ModelGraph graph, Fragment fragment, double dx, double dy, List<String> newIds) {
        // A scratch copy hands out ids and names that stay unique among the layers being added.
        ModelGraph scratch = graph.copy();
        Map<String, String> idMap = new HashMap<>();
        List<Edit> edits = new ArrayList<>();
        double shift = dx;
        while (overlaps(graph, fragment, shift, dy)) {
            shift += NodeView.WIDTH + 40;
        }
        for (LayerNode n : fragment.nodes()) {
            String name = scratch.findByName(n.name()).isEmpty() ? n.name() : LayerNames.nextFree(scratch, n.kind());
            LayerNode copy = new LayerNode(scratch.newNodeId(), n.kind(), name, n.params(), n.x() + shift, n.y() + dy);
            scratch.addNode(copy);
            idMap.put(n.id(), copy.id());
            newIds.add(copy.id());
            edits.add(new AddNodeEdit(copy));
        }
        for (Edge e : fragment.edges()) {
            edits.add(new ConnectEdit(new Edge(idMap.get(e.from()), idMap.get(e.to()))));
        }
        String what = fragment.nodes().size() == 1 ? SAY.say("edit.paste.one", fragment.nodes().get(0).name())
                : SAY.say("edit.paste.many", String.valueOf(fragment.nodes().size()));
        return new CompositeEdit(what, edits);
    }

    private static boolean overlaps(ModelGraph graph, Fragment fragment, double dx, double dy) {
        return fragment.nodes().stream().anyMatch(n -> graph.nodes().stream().anyMatch(
                o -> Math.abs(o.x() - (n.x() + dx)) < NodeView.WIDTH + 10 && Math.abs(o.y() - (n.y() + dy)) < NodeView.HEIGHT + 10));
    }
}
