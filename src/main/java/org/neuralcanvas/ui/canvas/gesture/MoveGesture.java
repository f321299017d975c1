package org.neuralcanvas.ui.canvas.gesture;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.graph.LayerNode;

/** Drags the selected layers; the whole drag becomes one undoable move when the mouse is released. */
public final class MoveGesture implements Gesture {

    private final CanvasHost host;
    private final Point2D start;
    private final Map<String, double[]> origins = new HashMap<>();
    private boolean moved;

    public MoveGesture(CanvasHost host, MouseEvent press) {
        this.host = host;
        this.start = host.toWorld(press.getSceneX(), press.getSceneY());
        for (String id : host.selection().ids()) {
            LayerNode n = host.graph().node(id);
            origins.put(id, new double[] {n.x(), n.y()});
        }
    }

    @Override
    public void drag(MouseEvent e) {
        Point2D p = host.toWorld(e.getSceneX(), e.getSceneY());
        double dx = p.getX() - start.getX();
        double dy = p.getY() - start.getY();
        moved |= Math.abs(dx) + Math.abs(dy) > 1;
        origins.forEach((id, o) -> host.previewPosition(id, o[0] + dx, o[1] + dy));
    }

    @Override
    public void release(MouseEvent e) {
        if (!moved) {
            return;
        }
        Point2D p = host.toWorld(e.getSceneX(), e.getSceneY());
        double dx = p.getX() - start.getX();
        double dy = p.getY() - start.getY();
        Map<String, double[]> positions = new HashMap<>();
        origins.forEach((id, o) -> positions.put(id, new double[] {Math.round(o[0] + dx), Math.round(o[1] + dy)}));
        host.execute(ChangeNodeEdit.move(host.graph(), positions));
    }
}
