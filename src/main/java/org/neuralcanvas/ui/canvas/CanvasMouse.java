package org.neuralcanvas.ui.canvas;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.neuralcanvas.ui.canvas.gesture.ConnectGesture;
import org.neuralcanvas.ui.canvas.gesture.Gesture;
import org.neuralcanvas.ui.canvas.gesture.MarqueeGesture;
import org.neuralcanvas.ui.canvas.gesture.MoveGesture;
import org.neuralcanvas.ui.canvas.gesture.PanGesture;
import org.neuralcanvas.ui.common.Selection;

/**
 * Decides which gesture a mouse press starts (connect from an output port, move a layer, select
 * an edge, marquee on empty canvas, pan with the right or middle button) and feeds it the drag
 * and release; the wheel pans, Ctrl+wheel zooms at the cursor.
 */
final class CanvasMouse {

    private final CanvasView canvas;
    private Gesture gesture;

    CanvasMouse(CanvasView canvas) {
        this.canvas = canvas;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (gesture != null) {
                gesture.drag(e);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (gesture != null) {
                Gesture g = gesture;
                gesture = null;
                g.release(e);
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    private void onPress(MouseEvent e) {
        canvas.requestFocus();
        canvas.showHint(null, 0, 0);
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE) {
            gesture = new PanGesture(canvas, e);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Node picked = e.getPickResult().getIntersectedNode();
        NodeView nodeView = ancestor(picked, NodeView.class);
        EdgeView edgeView = ancestor(picked, EdgeView.class);
        Selection selection = canvas.selection();
        canvas.selectEdge(null);
        if (nodeView != null && picked == nodeView.outputPort()) {
            gesture = new ConnectGesture(canvas, nodeView);
        } else if (nodeView != null) {
            if (e.isShiftDown() || e.isShortcutDown()) {
                selection.toggle(nodeView.nodeId());
            } else if (!selection.contains(nodeView.nodeId())) {
                selection.select(nodeView.nodeId());
            }
            gesture = selection.contains(nodeView.nodeId()) ? new MoveGesture(canvas, e) : null;
        } else if (edgeView != null) {
            selection.clear();
            canvas.selectEdge(edgeView.edge().id());
        } else {
            gesture = new MarqueeGesture(canvas, e);
        }
    }

    private static <T> T ancestor(Node n, Class<T> type) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    private void onScroll(ScrollEvent e) {
        if (e.isShortcutDown()) {
            Point2D local = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            canvas.zoomAt(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1, local.getX(), local.getY());
        } else {
            canvas.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }
}
