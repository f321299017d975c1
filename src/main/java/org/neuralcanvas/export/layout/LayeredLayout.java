package org.neuralcanvas.export.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * Lays a model out top to bottom, like Keras's {@code plot_model}, with ELK's layered
 * (Sugiyama) algorithm: the one home of layout for the canvas's auto-layout and the SVG
 * diagram. Pure: it reads the graph and returns positions; the caller applies them.
 */
public final class LayeredLayout {

    /** Where a node goes: top-left corner and size. */
    public record Box(double x, double y, double width, double height) {
        public double centerX() {
            return x + width / 2;
        }
    }

    /** A point of an edge's route. */
    public record Point(double x, double y) {
    }

    /** Node boxes by node id, edge routes (start, bends, end) by edge id, and the total size. */
    public record Result(Map<String, Box> nodes, Map<String, List<Point>> edges, double width, double height) {
    }

    static {
        // ELK finds its algorithms through Eclipse extension points, which plain Java lacks.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private final double nodeSpacing;
    private final double layerSpacing;
    private final boolean modelOrder;

    public LayeredLayout() {
        this(30, 40);
    }

    public LayeredLayout(double nodeSpacing, double layerSpacing) {
        this(nodeSpacing, layerSpacing, false);
    }

    private LayeredLayout(double nodeSpacing, double layerSpacing, boolean modelOrder) {
        this.nodeSpacing = nodeSpacing;
        this.layerSpacing = layerSpacing;
        this.modelOrder = modelOrder;
    }

    /**
     * This layout, but siblings keep the order in which layers were added and a merge's inputs
     * their input order, left to right, where that costs no extra crossings: branches then read
     * in the order the model (or its Keras code) lists them.
     */
    public LayeredLayout keepingModelOrder() {
        return new LayeredLayout(nodeSpacing, layerSpacing, true);
    }

    /**
     * Lays out the graph.
     *
     * @param sizeOf width and height of each node's box as the caller draws it
     */
    public Result layout(ModelGraph graph, Function<LayerNode, double[]> sizeOf) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, nodeSpacing);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, layerSpacing);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, layerSpacing / 2);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(20));
        if (modelOrder) {
            root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
                    org.eclipse.elk.alg.layered.options.OrderingStrategy.NODES_AND_EDGES);
        }

        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        for (LayerNode node : graph.nodes()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            double[] size = sizeOf.apply(node);
            n.setDimensions(size[0], size[1]);
            n.setIdentifier(node.id());
            elkNodes.put(node.id(), n);
        }
        Map<String, ElkEdge> elkEdges = new HashMap<>();
        for (Edge edge : graph.edges()) {
            elkEdges.put(edge.id(), ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to())));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<String, Box> boxes = new LinkedHashMap<>();
        elkNodes.forEach((id, n) -> boxes.put(id, new Box(n.getX(), n.getY(), n.getWidth(), n.getHeight())));
        Map<String, List<Point>> routes = new LinkedHashMap<>();
        elkEdges.forEach((id, e) -> routes.put(id, route(e)));
        return new Result(boxes, routes, root.getWidth(), root.getHeight());
    }

    private static List<Point> route(ElkEdge edge) {
        List<Point> points = new ArrayList<>();
        if (edge.getSections().isEmpty()) {
            return points;
        }
        ElkEdgeSection s = edge.getSections().get(0);
        points.add(new Point(s.getStartX(), s.getStartY()));
        for (ElkBendPoint b : s.getBendPoints()) {
            points.add(new Point(b.getX(), b.getY()));
        }
        points.add(new Point(s.getEndX(), s.getEndY()));
        return points;
    }
}
