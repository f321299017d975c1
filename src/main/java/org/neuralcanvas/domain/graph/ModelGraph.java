package org.neuralcanvas.domain.graph;

import org.neuralcanvas.domain.text.Sentences;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.neuralcanvas.domain.layer.LayerKind;

/**
 * The network as data: layer nodes and the edges between them, a directed acyclic graph that
 * covers both a Sequential chain and the functional API (several inputs, branches, merges,
 * several outputs). Outputs are the layers nothing reads from.
 *
 * <p>The mutators are meant for {@code domain.edit} edits, which keep them undoable; views read
 * the graph and listen to its {@link GraphChange}s. Not thread-safe: it belongs to the UI thread,
 * and training works on a {@link #copy()}.
 */
public final class ModelGraph {
    private static final Sentences SAY = Sentences.DOMAIN;

    /**
     * The most layers a model may have: well beyond any tutorial (ResNet-152 has about 500), and short of where
     * DL4J's per-layer bookkeeping turns a step into minutes (a 10,000-layer chain trained at about one step a
     * minute) and the window takes tens of seconds to draw it. Files with more are refused when opened.
     */
    public static final int MAX_LAYERS = 2_000;

    private final List<String> order = new ArrayList<>();
    private final Map<String, LayerNode> nodes = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<Consumer<GraphChange>> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    /** Nodes in insertion order (the order layers were added, which the summary follows for ties). */
    public List<LayerNode> nodes() {
        return order.stream().map(nodes::get).toList();
    }

    public int nodeCount() {
        return order.size();
    }

    public List<Edge> edges() {
        return List.copyOf(edges);
    }

    public LayerNode node(String id) {
        LayerNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("No node " + id);
        }
        return node;
    }

    public Optional<LayerNode> findNode(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<LayerNode> findByName(String name) {
        return nodes.values().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /**
     * Whether the layers, in this order, make a chain as Keras's {@code Sequential} is one: an Input first, each
     * layer reading only the one before it, none feeding two.
     */
    public boolean isChain(List<LayerNode> order) {
        if (order.isEmpty() || !order.get(0).kind().isInput()) {
            return false;
        }
        for (int i = 0; i < order.size(); i++) {
            LayerNode n = order.get(i);
            List<Edge> in = incoming(n.id());
            if (outgoing(n.id()).size() > 1 || in.size() != (i == 0 ? 0 : 1)
                    || (i > 0 && !in.get(0).from().equals(order.get(i - 1).id()))) {
                return false;
            }
        }
        return true;
    }

    /** Edges into a node, in input order. */
    public List<Edge> incoming(String id) {
        return edges.stream().filter(e -> e.to().equals(id)).toList();
    }

    public List<Edge> outgoing(String id) {
        return edges.stream().filter(e -> e.from().equals(id)).toList();
    }

    public boolean hasEdge(String from, String to) {
        return edges.contains(new Edge(from, to));
    }

    /** A fresh node id that was never used in this graph. */
    public String newNodeId() {
        String id;
        do {
            id = "n" + nextId++;
        } while (nodes.containsKey(id));
        return id;
    }

    /**
     * Whether an edge from {@code from}'s output to {@code to}'s input may be drawn.
     *
     * @return {@code null} if it may, else the reason it is refused, for the cursor tooltip
     */
    public String checkConnection(String from, String to) {
        LayerNode source = node(from);
        LayerNode target = node(to);
        if (from.equals(to)) {
            return SAY.say("connect.self");
        }
        if (target.kind().isInput()) {
            return SAY.say("connect.intoInput", target.name());
        }
        if (hasEdge(from, to)) {
            return SAY.say("connect.duplicate", source.name(), target.name());
        }
        LayerKind kind = target.kind();
        int inputs = incoming(to).size();
        if (inputs >= kind.maxInputs()) {
            return SAY.say("connect.full", target.name(), kind.kerasName(), kind.maxInputs(), inputs);
        }
        if (reaches(to, from)) {
            return SAY.say("connect.cycle", source.name(), target.name());
        }
        return null;
    }

    /** Whether a path leads from {@code start} to {@code goal} along edges. */
    public boolean reaches(String start, String goal) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(goal)) {
                return true;
            }
            if (seen.add(id)) {
                for (Edge e : edges) {
                    if (e.from().equals(id)) {
                        todo.push(e.to());
                    }
                }
            }
        }
        return false;
    }

    // ---- mutators, for edits -------------------------------------------------------------

    /** Adds a node at a position in the node order (use {@link #nodeCount()} to append). */
    public void addNode(LayerNode node, int index) {
        if (nodes.containsKey(node.id())) {
            throw new IllegalStateException("Node " + node.id() + " already exists");
        }
        nodes.put(node.id(), node);
        order.add(index, node.id());
        fire(new GraphChange.NodeAdded(node));
    }

    public void addNode(LayerNode node) {
        addNode(node, order.size());
    }

    /** Removes a node that has no edges left; returns its index in the node order. */
    public int removeNode(String id) {
        if (edges.stream().anyMatch(e -> e.from().equals(id) || e.to().equals(id))) {
            throw new IllegalStateException("Remove the edges of " + id + " first");
        }
        int index = order.indexOf(id);
        LayerNode node = nodes.remove(id);
        order.remove(index);
        fire(new GraphChange.NodeRemoved(node));
        return index;
    }

    /** Replaces a node by a changed copy with the same id. */
    public void replaceNode(LayerNode changed) {
        LayerNode before = node(changed.id());
        nodes.put(changed.id(), changed);
        fire(new GraphChange.NodeChanged(before, changed));
    }

    /** Adds an edge at a position in the edge list, which fixes its place among its target's inputs. */
    public void addEdge(Edge edge, int index) {
        node(edge.from());
        node(edge.to());
        if (edges.contains(edge)) {
            throw new IllegalStateException("Edge " + edge.id() + " already exists");
        }
        edges.add(index, edge);
        fire(new GraphChange.EdgeAdded(edge));
    }

    public void addEdge(Edge edge) {
        addEdge(edge, edges.size());
    }

    /** Removes an edge; returns its former index. */
    public int removeEdge(Edge edge) {
        int index = edges.indexOf(edge);
        if (index < 0) {
            throw new IllegalStateException("No edge " + edge.id());
        }
        edges.remove(index);
        fire(new GraphChange.EdgeRemoved(edge));
        return index;
    }

    public int edgeIndex(Edge edge) {
        return edges.indexOf(edge);
    }

    // ---- listeners and copies -----------------------------------------------------------------

    public void addListener(Consumer<GraphChange> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<GraphChange> listener) {
        listeners.remove(listener);
    }

    private void fire(GraphChange change) {
        for (Consumer<GraphChange> l : listeners) {
            l.accept(change);
        }
    }

    /** An independent copy without listeners: the immutable snapshot a training run works on. */
    public ModelGraph copy() {
        ModelGraph copy = new ModelGraph();
        copy.order.addAll(order);
        copy.nodes.putAll(nodes);
        copy.edges.addAll(edges);
        copy.nextId = nextId;
        return copy;
    }
}
