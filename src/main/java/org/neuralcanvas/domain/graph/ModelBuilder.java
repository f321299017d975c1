package org.neuralcanvas.domain.graph;

import java.util.Map;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.LayerParams;

/**
 * Builds a graph in code, the way a Keras script does: templates, tests and importers use it.
 * Layers get Keras's automatic names unless one is given, and a simple top-to-bottom position
 * (views re-layout with ELK).
 *
 * <pre>{@code
 * ModelBuilder b = new ModelBuilder();
 * String x = b.add("Input", Map.of("shape", List.of(784)));
 * x = b.add("Dense", Map.of("units", 64, "activation", "relu"), x);
 * b.add("Dense", Map.of("units", 10, "activation", "softmax"), x);
 * ModelGraph graph = b.graph();
 * }</pre>
 */
public final class ModelBuilder {

    private static final double ROW = 110;

    private final ModelGraph graph = new ModelGraph();
    private final LayerCatalog catalog;

    public ModelBuilder() {
        this(LayerCatalog.standard());
    }

    public ModelBuilder(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    /** Adds a layer fed by the given layers (in input order) and returns its node id. */
    public String add(String kerasName, Map<String, ?> params, String... inputs) {
        return addNamed(null, kerasName, params, inputs);
    }

    /** As {@link #add}, with an explicit layer name. */
    public String addNamed(String name, String kerasName, Map<String, ?> params, String... inputs) {
        LayerKind kind = catalog.get(kerasName);
        LayerParams values = kind.defaults();
        for (Map.Entry<String, ?> e : params.entrySet()) {
            values = values.with(e.getKey(), e.getValue());
        }
        double depth = 0;
        double x = 0;
        for (String in : inputs) {
            depth = Math.max(depth, graph.node(in).y() + ROW);
            x = graph.node(in).x();
        }
        String id = graph.newNodeId();
        graph.addNode(new LayerNode(id, kind, name != null ? name : LayerNames.nextFree(graph, kind), values, x, depth));
        for (String in : inputs) {
            graph.addEdge(new Edge(in, id));
        }
        return id;
    }

    /** Adds a layer fed by the most recently added one: a Sequential model's next line. */
    public String then(String kerasName, Map<String, ?> params) {
        java.util.List<LayerNode> nodes = graph.nodes();
        return nodes.isEmpty() ? add(kerasName, params) : add(kerasName, params, nodes.get(nodes.size() - 1).id());
    }

    public ModelGraph graph() {
        return graph;
    }
}
