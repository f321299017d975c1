package org.neuralcanvas.ui.canvas.gesture;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;

/** Drags a selection rectangle over empty canvas; with Shift or Ctrl it adds to the selection. */
public final class MarqueeGesture implements Gesture {

    private final CanvasHost host;
    private final Point2D start;
    private final Rectangle box = new Rectangle();
    private final Set<String> before;

    public MarqueeGesture(CanvasHost host, MouseEvent press) {
        this.host = host;
        this.start = host.toWorld(press.getSceneX(), press.getSceneY());
        this.before = press.isShiftDown() || press.isShortcutDown()
                ? new LinkedHashSet<>(host.selection().ids()) : Set.of();
        box.getStyleClass().add("marquee");
        box.setMouseTransparent(true);
        host.overlay().getChildren().add(box);
        host.selection().selectAll(before);
    }

    @Override
    public void drag(MouseEvent e) {
        Point2D p = host.toWorld(e.getSceneX(), e.getSceneY());
        double x = Math.min(p.getX(), start.getX());
        double y = Math.min(p.getY(), start.getY());
        box.setX(x);
        box.setY(y);
        box.setWidth(Math.abs(p.getX() - start.getX()));
        box.setHeight(Math.abs(p.getY() - start.getY()));
        Set<String> ids = new LinkedHashSet<>(before);
        ids.addAll(host.nodesIn(x, y, box.getWidth(), box.getHeight()));
        host.selection().selectAll(ids);
    }

    @Override
    public void release(MouseEvent e) {
        host.overlay().getChildren().remove(box);
    }
}
