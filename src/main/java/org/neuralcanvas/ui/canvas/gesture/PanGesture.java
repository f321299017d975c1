package org.neuralcanvas.ui.canvas.gesture;

import javafx.scene.input.MouseEvent;

/** Drags the view around (right or middle button, or Space held down). */
public final class PanGesture implements Gesture {

    private final CanvasHost host;
    private double lastX;
    private double lastY;

    public PanGesture(CanvasHost host, MouseEvent press) {
        this.host = host;
        this.lastX = press.getSceneX();
        this.lastY = press.getSceneY();
    }

    @Override
    public void drag(MouseEvent e) {
        host.panBy(e.getSceneX() - lastX, e.getSceneY() - lastY);
        lastX = e.getSceneX();
        lastY = e.getSceneY();
    }

    @Override
    public void release(MouseEvent e) {
        // Panning changes only the view; nothing to commit.
    }
}
