package org.neuralcanvas.domain.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.text.Sentences;

/**
 * Editing inside a chain, as a desktop editor does it: deleting a middle layer joins its neighbours, and a layer
 * appended after one that already feeds another goes in between, the layers below moving down to make room. Each
 * is one undoable edit; where the joined shapes no longer fit, shape inference says so as for any edit.
 */
public final class SpliceEdits {
    private static final Sentences SAY = Sentences.DOMAIN;

    private SpliceEdits() {
    }

    /**
     * Deletes the layers; where a deleted layer (or a run of them) read one input and fed layers that stay, the
     * layer before it feeds them instead, in the deleted connection's place among their inputs.
     */
    public static Edit deleteBridging(ModelGraph graph, Collection<String> ids) {
        Set<String> gone = new LinkedHashSet<>(ids);
        List<Edit> edits = new ArrayList<>();
        Set<Edge> bridged = new LinkedHashSet<>();
        for (Edge out : graph.edges()) {
            if (!gone.contains(out.from()) || gone.contains(out.to())) {
                continue;
            }
            String source = sourceBefore(graph, out.from(), gone);
            Edge bridge = source == null ? null : new Edge(source, out.to());
            if (bridge != null && !graph.hasEdge(source, out.to()) && bridged.add(bridge)) {
                edits.add(new RewireEdit(out, bridge));
            }
        }
        RemoveNodesEdit remove = new RemoveNodesEdit(gone);
        edits.add(remove);
        String description = gone.size() == 1 ? SAY.say("edit.delete.one", graph.node(gone.iterator().next()).name())
                : SAY.say("edit.delete.many", String.valueOf(gone.size()));
        return new CompositeEdit(description, edits);
    }

    /** The layer that stays and feeds this deleted one through deleted single-input layers only; null if none. */
    private static String sourceBefore(ModelGraph graph, String deleted, Set<String> gone) {
        String at = deleted;
        Set<String> seen = new LinkedHashSet<>();
        while (gone.contains(at) && seen.add(at)) {
            List<Edge> in = graph.incoming(at);
            if (in.size() != 1 || graph.node(at).kind().acceptsSeveralInputs()) {
                return null;
            }
            at = in.get(0).from();
        }
        return gone.contains(at) ? null : at;
    }

    /**
     * Adds a layer after {@code afterId}: between it and the one layer it feeds, which with everything below it
     * moves down by {@code gap}, or, where it feeds none or several, as a new branch at (x, y).
     */
    public static Edit insertAfter(ModelGraph graph, String afterId, LayerKind kind, double x, double y, double gap) {
        List<Edge> out = graph.outgoing(afterId);
        if (out.size() != 1 || kind.isInput() || kind.acceptsSeveralInputs()) {
            return AddNodeEdit.appendAfter(graph, afterId, kind, x, y);
        }
        AddNodeEdit add = AddNodeEdit.of(graph, kind, x, y);
        Edge next = out.get(0);
        Map<String, double[]> moved = new HashMap<>();
        for (String id : below(graph, next.to())) {
            LayerNode n = graph.node(id);
            moved.put(id, new double[] {n.x(), n.y() + gap});
        }
        return new CompositeEdit(SAY.say("edit.add", add.node().name()), List.of(add,
                ChangeNodeEdit.move(graph, moved),
                new RewireEdit(next, new Edge(add.node().id(), next.to())),
                new ConnectEdit(new Edge(afterId, add.node().id()))));
    }

    /**
     * Adds a layer into a connection (a drop on it): the connection's source feeds it and it feeds the target. It
     * takes the target's place, which with everything below it moves down by {@code gap}.
     */
    public static Edit insertInto(ModelGraph graph, Edge edge, LayerKind kind, double gap) {
        LayerNode target = graph.node(edge.to());
        AddNodeEdit add = AddNodeEdit.of(graph, kind, target.x(), target.y());
        Map<String, double[]> moved = new HashMap<>();
        for (String id : below(graph, edge.to())) {
            LayerNode n = graph.node(id);
            moved.put(id, new double[] {n.x(), n.y() + gap});
        }
        return new CompositeEdit(SAY.say("edit.add", add.node().name()), List.of(add,
                ChangeNodeEdit.move(graph, moved),
                new RewireEdit(edge, new Edge(add.node().id(), edge.to())),
                new ConnectEdit(new Edge(edge.from(), add.node().id()))));
    }

    /** The layer and every layer its output reaches. */
    private static Set<String> below(ModelGraph graph, String start) {
        Set<String> reached = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            if (reached.add(id)) {
                graph.outgoing(id).forEach(e -> todo.add(e.to()));
            }
        }
        return reached;
    }
}
