package org.neuralcanvas.export.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.export.layout.LayeredLayout;

/**
 * Turns a graph into a {@link Diagram}: the text of each box (name, type, input and output
 * shapes from {@link ShapeInference}, weights), its size from a fixed-width text estimate, and
 * positions and routes from {@link LayeredLayout}. Pure and deterministic.
 */
public final class DiagramBuilder {

    private final LayeredLayout layout;

    public DiagramBuilder() {
        this(new LayeredLayout(30, 44).keepingModelOrder());
    }

    public DiagramBuilder(LayeredLayout layout) {
        this.layout = layout;
    }

    public Diagram build(ModelGraph graph) {
        InferenceResult inference = ShapeInference.infer(graph);
        Map<String, List<String>> linesById = new HashMap<>();
        for (LayerNode node : graph.nodes()) {
            linesById.put(node.id(), lines(node, inference.node(node.id()).orElse(null), graph));
        }
        LayeredLayout.Result placed = layout.layout(graph, n -> size(n, linesById.get(n.id())));

        List<Diagram.LayerBox> boxes = new ArrayList<>();
        for (LayerNode node : graph.nodes()) {
            boxes.add(new Diagram.LayerBox(placed.nodes().get(node.id()), node.name(), typeName(node),
                    linesById.get(node.id()), node.kind().category(), node.kind().acceptsSeveralInputs(),
                    !inference.problemsOf(node.id()).isEmpty()));
        }
        List<Diagram.Arrow> arrows = new ArrayList<>();
        for (Edge edge : graph.edges()) {
            LayerNode target = graph.node(edge.to());
            int slot = target.kind().acceptsSeveralInputs() ? graph.incoming(target.id()).indexOf(edge) + 1 : 0;
            List<LayeredLayout.Point> route = placed.edges().get(edge.id());
            if (route != null && route.size() >= 2) {
                arrows.add(new Diagram.Arrow(route, slot));
            }
        }
        return new Diagram(placed.width(), placed.height(), boxes, arrows);
    }

    /** As Keras's plot_model names them: InputLayer for inputs, Bidirectional(LSTM), TimeDistributed(Conv2D). */
    private static String typeName(LayerNode node) {
        if (node.kind().kerasName().equals("Bidirectional")) {
            return "Bidirectional(" + node.params().get(ParamKeys.LAYER) + ")";
        }
        if (org.neuralcanvas.domain.layer.TimeDistribution.isOn(node.params())) {
            return "TimeDistributed(" + node.kind().kerasName() + ")";
        }
        return node.kind().isInput() ? "InputLayer" : node.kind().kerasName();
    }

    private static List<String> lines(LayerNode node, NodeResult result, ModelGraph graph) {
        List<String> lines = new ArrayList<>();
        if (!node.kind().isInput()) {
            List<TensorShape> in = result == null ? List.of() : result.inputShapes();
            int count = Math.max(graph.incoming(node.id()).size(), 1);
            if (count == 1) {
                lines.add("input:  " + (in.isEmpty() ? "?" : in.get(0).toString()));
            } else {
                for (int i = 0; i < count; i++) {
                    lines.add("input " + (i + 1) + ": " + (i < in.size() ? in.get(i).toString() : "?"));
                }
            }
        }
        lines.add("output: " + (result != null && result.known() ? result.outputShape().toString() : "?"));
        if (result != null && result.params() != null && result.params().total() > 0) {
            lines.add("params: " + String.format(Locale.ROOT, "%,d", result.params().total()));
        }
        return List.copyOf(lines);
    }

    private static double[] size(LayerNode node, List<String> lines) {
        double width = DiagramStyle.textWidth(node.name() + " : " + typeName(node), DiagramStyle.TITLE_SIZE);
        for (String line : lines) {
            width = Math.max(width, DiagramStyle.textWidth(line, DiagramStyle.TEXT_SIZE));
        }
        width = Math.max(DiagramStyle.MIN_WIDTH, Math.ceil(width + 2 * DiagramStyle.PAD_X + DiagramStyle.BAND));
        double height = 2 * DiagramStyle.PAD_Y + DiagramStyle.TITLE_SIZE * DiagramStyle.LINE_GAP
                + lines.size() * DiagramStyle.TEXT_SIZE * DiagramStyle.LINE_GAP;
        return new double[] {width, Math.ceil(height)};
    }
}
