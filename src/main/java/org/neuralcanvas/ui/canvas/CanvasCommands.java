package org.neuralcanvas.ui.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.neuralcanvas.domain.edit.AddNodeEdit;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.edit.DisconnectEdit;
import org.neuralcanvas.domain.edit.Edit;
import org.neuralcanvas.domain.edit.SpliceEdits;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.export.layout.LayeredLayout;
import org.neuralcanvas.ui.document.MainViewModel;

/**
 * The canvas's commands, shared by menus, toolbar buttons and keys: add, delete, copy, paste,
 * duplicate, select all and auto-layout. Each change is one edit on the history.
 */
public final class CanvasCommands {

    private static final double PASTE_OFFSET = 30;

    private final CanvasView canvas;
    private final MainViewModel vm;
    private final GraphClipboard clipboard = new GraphClipboard();
    private final LayeredLayout layout = new LayeredLayout(30, 40);

    public CanvasCommands(CanvasView canvas) {
        this.canvas = canvas;
        this.vm = canvas.viewModel();
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private ModelGraph graph() {
        return vm.document().graph();
    }

    private void onKey(KeyEvent e) {
        boolean shortcut = e.isShortcutDown();
        boolean handled = true;
        if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            delete();
        } else if (shortcut && e.getCode() == KeyCode.C) {
            copy();
        } else if (shortcut && e.getCode() == KeyCode.V) {
            paste();
        } else if (shortcut && e.getCode() == KeyCode.X) {
            copy();
            delete();
        } else if (shortcut && e.getCode() == KeyCode.D) {
            duplicate();
        } else if (shortcut && e.getCode() == KeyCode.A) {
            selectAll();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            vm.selection().clear();
            canvas.showHint(null, 0, 0);
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /** Adds a layer with its top-left corner at a world point; it becomes the selection. */
    public void addAt(LayerKind kind, double worldX, double worldY) {
        AddNodeEdit add = AddNodeEdit.of(graph(), kind, Math.round(worldX), Math.round(worldY));
        vm.execute(add);
        vm.selection().select(add.node().id());
    }

    /**
     * Adds a layer at a scene point (a palette drop), centred under the cursor; dropped on a connection, it goes
     * into it (the connection's source feeds it, it feeds the target, the layers below making room).
     */
    public void dropAt(LayerKind kind, double sceneX, double sceneY) {
        Point2D p = canvas.toWorld(sceneX, sceneY);
        double x = Math.round(p.getX() - NodeView.WIDTH / 2);
        double y = Math.round(p.getY() - NodeView.HEIGHT / 2);
        var onEdge = kind.isInput() || kind.acceptsSeveralInputs() ? java.util.Optional.<Edge>empty()
                : edgeNear(p.getX(), p.getY());
        if (onEdge.isPresent()) {
            Edit edit = SpliceEdits.insertInto(graph(), onEdge.get(), kind, NodeView.HEIGHT + 40);
            vm.execute(edit);
            vm.selection().select(graph().nodes().get(graph().nodeCount() - 1).id());
        } else {
            addAt(kind, x, y);
        }
        // Keys now act on the new layer (Delete, Ctrl+D), as after a click on the canvas.
        canvas.requestFocus();
    }

    /** Whether a scene point lies over the visible canvas. */
    public boolean containsScene(double sceneX, double sceneY) {
        Point2D local = canvas.sceneToLocal(sceneX, sceneY);
        return local != null && canvas.contains(local);
    }

    /**
     * Appends a layer after the selected one and connects it (palette double-click): between it and the layer it
     * feeds, if it feeds one; with nothing selected (or a selection that cannot feed it) below the lowest layer.
     */
    public void append(LayerKind kind) {
        var after = vm.selection().last().flatMap(id -> graph().findNode(id));
        if (after.isPresent() && !kind.isInput()) {
            LayerNode a = after.get();
            // Into the chain when the layer feeds one other; else a branch, placed where no layer stands.
            boolean splices = graph().outgoing(a.id()).size() == 1 && !kind.acceptsSeveralInputs();
            double[] spot = splices ? new double[] {a.x(), a.y() + NodeView.HEIGHT + 40}
                    : freeSpot(a.x(), a.y() + NodeView.HEIGHT + 40);
            Edit edit = SpliceEdits.insertAfter(graph(), a.id(), kind, spot[0], spot[1], NodeView.HEIGHT + 40);
            vm.execute(edit);
            String id = graph().nodes().get(graph().nodeCount() - 1).id();
            vm.selection().select(id);
            return;
        }
        double y = graph().nodes().stream().mapToDouble(LayerNode::y).max().orElse(-NodeView.HEIGHT - 40)
                + NodeView.HEIGHT + 40;
        double x = graph().nodes().stream().mapToDouble(LayerNode::x).min().orElse(0);
        addAt(kind, x, y);
    }

    /**
     * The connection drawn within a few pixels of a world point: edges run from the bottom centre of their source
     * to the top centre of their target (as {@link EdgeView} draws them, taken here as straight).
     */
    private java.util.Optional<Edge> edgeNear(double x, double y) {
        double reach = 16;
        return graph().edges().stream().filter(e -> {
            LayerNode from = graph().node(e.from());
            LayerNode to = graph().node(e.to());
            return distanceToSegment(x, y, from.x() + NodeView.WIDTH / 2, from.y() + NodeView.HEIGHT,
                    to.x() + NodeView.WIDTH / 2, to.y()) < reach;
        }).findFirst();
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double length2 = dx * dx + dy * dy;
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /**
     * The place for a new layer: below its source, or, where a layer already stands there (the source feeds one),
     * beside it to the right, so that a branch never hides the layer it sits next to.
     */
    private double[] freeSpot(double x, double y) {
        double at = x;
        while (taken(at, y)) {
            at += NodeView.WIDTH + 40;
        }
        return new double[] {at, y};
    }

    private boolean taken(double x, double y) {
        return graph().nodes().stream().anyMatch(n -> Math.abs(n.x() - x) < NodeView.WIDTH + 20
                && Math.abs(n.y() - y) < NodeView.HEIGHT + 20);
    }

    public void delete() {
        if (!vm.selection().ids().isEmpty()) {
            List<String> ids = List.copyOf(vm.selection().ids());
            vm.selection().clear();
            vm.execute(SpliceEdits.deleteBridging(graph(), ids));
        } else if (canvas.selectedEdge() != null) {
            String id = canvas.selectedEdge();
            graph().edges().stream().filter(e -> e.id().equals(id)).findFirst()
                    .ifPresent(e -> vm.execute(new DisconnectEdit(new Edge(e.from(), e.to()))));
        }
    }

    public void copy() {
        if (!vm.selection().ids().isEmpty()) {
            clipboard.copy(graph(), vm.selection().ids());
        }
    }

    public void paste() {
        List<String> ids = new ArrayList<>();
        Edit edit = clipboard.paste(graph(), PASTE_OFFSET, PASTE_OFFSET, ids);
        if (edit != null) {
            vm.execute(edit);
            vm.selection().selectAll(ids);
            // The next paste lands a little further on, as in every editor.
            clipboard.copy(graph(), ids);
        }
    }

    public void duplicate() {
        if (vm.selection().ids().isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        vm.execute(GraphClipboard.insert(graph(), GraphClipboard.fragment(graph(), vm.selection().ids()),
                PASTE_OFFSET, PASTE_OFFSET, ids));
        vm.selection().selectAll(ids);
    }

    public void selectAll() {
        vm.selection().selectAll(graph().nodes().stream().map(LayerNode::id).toList());
    }

    /** Lays the graph out top to bottom with ELK, as one undoable move, and fits it in view. */
    public void autoLayout() {
        if (graph().nodeCount() == 0) {
            return;
        }
        LayeredLayout.Result result = layout.layout(graph(), n -> new double[] {NodeView.WIDTH, NodeView.HEIGHT});
        Map<String, double[]> positions = new HashMap<>();
        result.nodes().forEach((id, box) -> positions.put(id, new double[] {Math.round(box.x()), Math.round(box.y())}));
        vm.execute(ChangeNodeEdit.move(graph(), positions));
        canvas.fitToView();
    }
}
