package org.neuralcanvas.ui.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.neuralcanvas.domain.edit.Edit;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.GraphChange;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.ui.canvas.gesture.CanvasHost;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Icons;
import org.neuralcanvas.ui.document.Document;
import org.neuralcanvas.ui.document.MainViewModel;

/**
 * The drawing of the open graph. It adapts the domain graph: node and edge views are created,
 * moved and removed from {@link GraphChange} events, and labels and badges are refreshed from
 * each new {@link InferenceResult}. It holds no copy of the truth; every change is an edit.
 * Mouse handling lives in {@link CanvasMouse}, keyboard commands in {@link CanvasCommands},
 * zoom and pan in {@link Viewport}.
 */
public final class CanvasView extends Region implements CanvasHost {

    private final MainViewModel vm;
    private final I18n i18n;
    private final Icons icons;
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group overlay = new Group();
    private final Label hint = new Label();
    private final Viewport viewport = new Viewport();
    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final Map<String, EdgeView> edgeViews = new HashMap<>();
    private final Map<String, Set<EdgeView>> edgesByNode = new HashMap<>();
    private final Consumer<GraphChange> graphListener = this::onGraphChange;
    private final SetChangeListener<String> selectionListener = this::onSelectionChange;
    private Document attached;
    private String selectedEdge;
    private boolean fitPending;
    private final org.neuralcanvas.ui.common.Subscriptions subscriptions = new org.neuralcanvas.ui.common.Subscriptions();

    public CanvasView(MainViewModel vm, I18n i18n, Icons icons) {
        this.vm = vm;
        this.i18n = i18n;
        this.icons = icons;
        getStyleClass().add("canvas");
        setId("canvas");
        setFocusTraversable(true);
        world.getTransforms().addAll(viewport.translate(), viewport.scale());
        world.getChildren().addAll(edgeLayer, nodeLayer, overlay);
        hint.getStyleClass().add("connection-hint");
        hint.setId("connectionHint");
        hint.setManaged(false);
        hint.setVisible(false);
        hint.setMouseTransparent(true);
        hint.setWrapText(true);
        hint.setMaxWidth(360);
        getChildren().addAll(world, hint);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        new CanvasMouse(this);
        subscriptions.onChange(vm.documentProperty(), (o, a, b) -> attach(b));
        subscriptions.onChange(vm.inferenceProperty(), (o, a, b) -> refreshResults());
        subscriptions.onChange(vm.selection().ids(), selectionListener);
        vm.layerMarks().addListener(marksListener);
        subscriptions.onClose(() -> vm.layerMarks().removeListener(marksListener));
        attach(vm.document());
        refreshResults();
    }

    /** Stops listening to the graph and the view model (the window is being rebuilt). */
    public void dispose() {
        if (attached != null) {
            attached.graph().removeListener(graphListener);
        }
        subscriptions.close();
        attached = null;
    }

    private final javafx.collections.MapChangeListener<String, String> marksListener = c -> refreshMarks();

    /** Each layer shows the mark the Runs tab's comparison gave its name, or none. */
    private void refreshMarks() {
        nodeViews.forEach((id, v) -> {
            LayerNode n = attached == null ? null : attached.graph().findNode(id).orElse(null);
            v.markDiff(n == null ? null : vm.layerMarks().get(n.name()));
        });
    }

    /** Where the view looks: its zoom and pan, to be shown again by a rebuilt window. */
    public record View(double zoom, double x, double y) {
    }

    public View view() {
        return new View(viewport.zoomProperty().get(), viewport.translate().getX(), viewport.translate().getY());
    }

    /** Shows the model as {@link #view()} had it, instead of framing it anew. */
    public void show(View view) {
        viewport.set(view.zoom(), view.x(), view.y());
        fitPending = false;
        autoFrame = null;
    }

    public DoubleProperty zoomProperty() {
        return viewport.zoomProperty();
    }

    public NodeView nodeView(String id) {
        return nodeViews.get(id);
    }

    public EdgeView edgeView(Edge edge) {
        return edgeViews.get(edge.id());
    }

    public String hintText() {
        return hint.isVisible() ? hint.getText() : "";
    }

    String selectedEdge() {
        return selectedEdge;
    }

    MainViewModel viewModel() {
        return vm;
    }

    // ---- following the graph ---------------------------------------------------------------

    private void attach(Document doc) {
        if (attached == doc) {
            return;
        }
        if (attached != null) {
            attached.graph().removeListener(graphListener);
        }
        attached = doc;
        nodeViews.clear();
        edgeViews.clear();
        edgesByNode.clear();
        nodeLayer.getChildren().clear();
        edgeLayer.getChildren().clear();
        selectedEdge = null;
        if (doc == null) {
            return;
        }
        List<Node> nodes = new ArrayList<>();
        for (LayerNode n : doc.graph().nodes()) {
            NodeView v = new NodeView(n, i18n, icons);
            nodeViews.put(n.id(), v);
            nodes.add(v);
        }
        nodeLayer.getChildren().setAll(nodes);
        List<Node> edges = new ArrayList<>();
        for (Edge e : doc.graph().edges()) {
            edges.add(createEdgeView(e));
        }
        edgeLayer.getChildren().setAll(edges);
        doc.graph().addListener(graphListener);
        refreshMarks();
        fitPending = true;
        requestLayout();
    }

    private void onGraphChange(GraphChange change) {
        if (change instanceof GraphChange.NodeAdded a) {
            NodeView v = new NodeView(a.node(), i18n, icons);
            nodeViews.put(a.node().id(), v);
            nodeLayer.getChildren().add(v);
            v.markDiff(vm.layerMarks().get(a.node().name()));
        } else if (change instanceof GraphChange.NodeRemoved r) {
            NodeView v = nodeViews.remove(r.node().id());
            nodeLayer.getChildren().remove(v);
            edgesByNode.remove(r.node().id());
        } else if (change instanceof GraphChange.NodeChanged c) {
            nodeViews.get(c.after().id()).show(c.after());
            rerouteEdgesOf(c.after().id());
        } else if (change instanceof GraphChange.EdgeAdded a) {
            edgeLayer.getChildren().add(createEdgeView(a.edge()));
        } else if (change instanceof GraphChange.EdgeRemoved r) {
            EdgeView v = edgeViews.remove(r.edge().id());
            edgeLayer.getChildren().remove(v);
            edgesByNode.getOrDefault(r.edge().from(), Set.of()).remove(v);
            edgesByNode.getOrDefault(r.edge().to(), Set.of()).remove(v);
            if (r.edge().id().equals(selectedEdge)) {
                selectedEdge = null;
            }
        }
    }

    private EdgeView createEdgeView(Edge e) {
        EdgeView v = new EdgeView(e);
        edgeViews.put(e.id(), v);
        edgesByNode.computeIfAbsent(e.from(), k -> new HashSet<>()).add(v);
        edgesByNode.computeIfAbsent(e.to(), k -> new HashSet<>()).add(v);
        route(v);
        return v;
    }

    private void route(EdgeView v) {
        NodeView from = nodeViews.get(v.edge().from());
        NodeView to = nodeViews.get(v.edge().to());
        v.route(from.inputX(), from.outputY(), to.inputX(), to.inputY());
    }

    private void rerouteEdgesOf(String nodeId) {
        for (EdgeView v : edgesByNode.getOrDefault(nodeId, Set.of())) {
            route(v);
        }
    }

    /** Shapes, counts and problem badges from the latest inference: one pass over the views. */
    public void refreshResults() {
        InferenceResult result = vm.inferenceProperty().get();
        if (result == null) {
            return;
        }
        Map<String, List<Problem>> byNode = new HashMap<>();
        Map<String, List<Problem>> byEdge = new HashMap<>();
        for (Problem p : result.problems()) {
            if (p.nodeId() != null) {
                byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
            }
            if (p.edgeId() != null) {
                byEdge.computeIfAbsent(p.edgeId(), k -> new ArrayList<>()).add(p);
            }
        }
        nodeViews.forEach((id, v) -> v.showResult(result.byId().get(id), byNode.getOrDefault(id, List.of())));
        edgeViews.forEach((id, v) -> v.showProblems(byEdge.getOrDefault(id, List.of())));
    }

    private void onSelectionChange(SetChangeListener.Change<? extends String> c) {
        if (c.wasRemoved() && nodeViews.containsKey(c.getElementRemoved())) {
            nodeViews.get(c.getElementRemoved()).setSelected(false);
        }
        if (c.wasAdded() && nodeViews.containsKey(c.getElementAdded())) {
            NodeView v = nodeViews.get(c.getElementAdded());
            v.setSelected(true);
            v.toFront();
        }
    }

    void selectEdge(String edgeId) {
        if (selectedEdge != null && edgeViews.containsKey(selectedEdge)) {
            edgeViews.get(selectedEdge).setSelected(false);
        }
        selectedEdge = edgeId;
        if (edgeId != null) {
            edgeViews.get(edgeId).setSelected(true);
        }
    }

    // ---- view transform ----------------------------------------------------------------------

    /** Zooms by a factor keeping the point under (localX, localY) in place. */
    public void zoomAt(double factor, double localX, double localY) {
        viewport.zoomAt(factor, localX, localY);
    }

    public void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    /** Scales and centres the view so every layer is visible (at most 100 %). */
    public void fitToView() {
        fit(0.1);
    }

    /**
     * Fits the model in view, but never below {@code minScale} (a model just opened stays
     * readable: it is shown from the top and the rest is a scroll away).
     */
    private void fit(double minScale) {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        fitPending = false;
        if (nodeViews.isEmpty()) {
            viewport.set(1, 40, 40);
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (NodeView v : nodeViews.values()) {
            minX = Math.min(minX, v.getLayoutX());
            minY = Math.min(minY, v.getLayoutY());
            maxX = Math.max(maxX, v.getLayoutX() + NodeView.WIDTH);
            maxY = Math.max(maxY, v.getLayoutY() + NodeView.HEIGHT);
        }
        viewport.fit(minX, minY, maxX, maxY, getWidth(), getHeight(), minScale);
    }

    @Override
    protected void layoutChildren() {
        hint.autosize();
        // A model framed as it opened is framed again when the canvas changes size (the window is made smaller, a
        // side panel is hidden) until the user zooms or pans it: otherwise it stays where the larger canvas had it.
        boolean stillFramed = autoFrame != null && autoFrame.equals(viewState())
                && (getWidth() != autoFrameSize[0] || getHeight() != autoFrameSize[1]);
        if ((fitPending || stillFramed) && getWidth() > 0 && getHeight() > 0) {
            fit(0.8);
            autoFrame = viewState();
            autoFrameSize = new double[] {getWidth(), getHeight()};
        }
    }

    /** The view after the last automatic framing, and the canvas size it was made for. */
    private java.util.List<Double> autoFrame;
    private double[] autoFrameSize;

    private java.util.List<Double> viewState() {
        return java.util.List.of(viewport.zoomProperty().get(), viewport.translate().getX(), viewport.translate().getY());
    }

    /** Pans so that a layer is in view (centred), when it is not already fully visible. */
    public void reveal(String nodeId) {
        NodeView v = nodeViews.get(nodeId);
        if (v == null) {
            return;
        }
        Point2D topLeft = viewport.toWorld(0, 0);
        Point2D bottomRight = viewport.toWorld(getWidth(), getHeight());
        boolean visible = v.getLayoutX() >= topLeft.getX() && v.getLayoutY() >= topLeft.getY()
                && v.getLayoutX() + NodeView.WIDTH <= bottomRight.getX() && v.getLayoutY() + NodeView.HEIGHT <= bottomRight.getY();
        if (!visible) {
            Point2D centre = visibleCentre();
            double s = zoomProperty().get();
            panBy((centre.getX() - v.getLayoutX() - NodeView.WIDTH / 2) * s, (centre.getY() - v.getLayoutY() - NodeView.HEIGHT / 2) * s);
        }
    }

    /** The world point at the centre of the visible area, where new layers go. */
    public Point2D visibleCentre() {
        return viewport.toWorld(getWidth() / 2, getHeight() / 2);
    }

    // ---- CanvasHost ----------------------------------------------------------------------------

    @Override
    public Point2D toWorld(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return viewport.toWorld(local.getX(), local.getY());
    }

    @Override
    public Collection<NodeView> nodeViews() {
        return nodeViews.values();
    }

    @Override
    public NodeView nodeAt(double x, double y) {
        NodeView found = null;
        for (Node n : nodeLayer.getChildren()) {
            if (((NodeView) n).containsWorld(x, y, NodeView.PORT_RADIUS)) {
                found = (NodeView) n;
            }
        }
        return found;
    }

    @Override
    public ModelGraph graph() {
        return vm.document().graph();
    }

    @Override
    public org.neuralcanvas.ui.common.Selection selection() {
        return vm.selection();
    }

    @Override
    public void execute(Edit edit) {
        vm.execute(edit);
    }

    @Override
    public void previewPosition(String nodeId, double x, double y) {
        nodeViews.get(nodeId).relocate(x, y);
        rerouteEdgesOf(nodeId);
    }

    @Override
    public Group overlay() {
        return overlay;
    }

    @Override
    public void showHint(String message, double sceneX, double sceneY) {
        if (message == null) {
            hint.setVisible(false);
            return;
        }
        hint.setText(message);
        hint.autosize();
        Point2D local = sceneToLocal(sceneX, sceneY);
        double x = Math.min(local.getX() + 14, Math.max(0, getWidth() - hint.getWidth() - 4));
        hint.relocate(x, local.getY() + 16);
        hint.setVisible(true);
    }

    @Override
    public void panBy(double dx, double dy) {
        viewport.panBy(dx, dy);
    }

    @Override
    public Collection<String> nodesIn(double x, double y, double w, double h) {
        List<String> ids = new ArrayList<>();
        for (NodeView v : nodeViews.values()) {
            if (v.getLayoutX() < x + w && v.getLayoutX() + NodeView.WIDTH > x
                    && v.getLayoutY() < y + h && v.getLayoutY() + NodeView.HEIGHT > y) {
                ids.add(v.nodeId());
            }
        }
        return ids;
    }
}
