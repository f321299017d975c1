package org.neuralcanvas.ui.canvas.gesture;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import org.neuralcanvas.domain.edit.ConnectEdit;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.ui.canvas.NodeView;

/**
 * Drags a connection from a layer's output port to another layer. While over a layer that may
 * not take it, the reason shows at the cursor ({@code ModelGraph.checkConnection}); dropping
 * there refuses the connection and leaves the reason showing until the next click.
 */
public final class ConnectGesture implements Gesture {

    private final CanvasHost host;
    private final NodeView source;
    private final Line rubber = new Line();

    public ConnectGesture(CanvasHost host, NodeView source) {
        this.host = host;
        this.source = source;
        double x = source.getLayoutX() + NodeView.WIDTH / 2;
        double y = source.getLayoutY() + NodeView.HEIGHT;
        rubber.setStartX(x);
        rubber.setStartY(y);
        rubber.setEndX(x);
        rubber.setEndY(y);
        rubber.getStyleClass().add("rubber-edge");
        rubber.setMouseTransparent(true);
        host.overlay().getChildren().add(rubber);
    }

    @Override
    public void drag(MouseEvent e) {
        Point2D p = host.toWorld(e.getSceneX(), e.getSceneY());
        rubber.setEndX(p.getX());
        rubber.setEndY(p.getY());
        NodeView target = targetAt(p);
        String reason = target == null ? null : host.graph().checkConnection(source.nodeId(), target.nodeId());
        rubber.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("refused"), reason != null);
        host.showHint(reason, e.getSceneX(), e.getSceneY());
    }

    @Override
    public void release(MouseEvent e) {
        host.overlay().getChildren().remove(rubber);
        Point2D p = host.toWorld(e.getSceneX(), e.getSceneY());
        NodeView target = targetAt(p);
        if (target == null) {
            host.showHint(null, 0, 0);
            return;
        }
        String reason = host.graph().checkConnection(source.nodeId(), target.nodeId());
        if (reason != null) {
            host.showHint(reason, e.getSceneX(), e.getSceneY());
            return;
        }
        host.showHint(null, 0, 0);
        host.execute(new ConnectEdit(new Edge(source.nodeId(), target.nodeId())));
    }

    private NodeView targetAt(Point2D p) {
        NodeView n = host.nodeAt(p.getX(), p.getY());
        return n == source ? null : n;
    }
}
