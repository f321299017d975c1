package org.neuralcanvas.ui.canvas;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Which part of the world the canvas shows: a scale and a translation applied to the world
 * group ({@code screen = translate + scale * world}). Zoom keeps the point under the cursor in
 * place; fit frames a box with a margin.
 */
final class Viewport {

    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 3;

    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);

    Translate translate() {
        return translate;
    }

    Scale scale() {
        return scale;
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Zooms by a factor keeping the local point (x, y) where it is. */
    void zoomAt(double factor, double x, double y) {
        double s = scale.getX();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s * factor));
        double k = next / s;
        set(next, x - (x - translate.getX()) * k, y - (y - translate.getY()) * k);
    }

    void panBy(double dx, double dy) {
        translate.setX(translate.getX() + dx);
        translate.setY(translate.getY() + dy);
    }

    void set(double s, double tx, double ty) {
        scale.setX(s);
        scale.setY(s);
        translate.setX(tx);
        translate.setY(ty);
        zoom.set(s);
    }

    /** Local (canvas) coordinates to world coordinates. */
    Point2D toWorld(double localX, double localY) {
        return new Point2D((localX - translate.getX()) / scale.getX(), (localY - translate.getY()) / scale.getY());
    }

    /**
     * Frames the world box (minX, minY)-(maxX, maxY) in a view of the given size: centred, at
     * most 100 %, at least {@code minScale}; a box taller or wider than the view starts at its top-left.
     */
    void fit(double minX, double minY, double maxX, double maxY, double width, double height, double minScale) {
        double margin = 40;
        double s = Math.min(1, Math.min((width - 2 * margin) / (maxX - minX), (height - 2 * margin) / (maxY - minY)));
        s = Math.max(minScale, s);
        double tx = Math.max(margin, (width - (maxX - minX) * s) / 2) - minX * s;
        double ty = Math.max(margin, (height - (maxY - minY) * s) / 2) - minY * s;
        set(s, tx, ty);
    }
}
