package org.neuralcanvas.ui.palette;

import org.neuralcanvas.domain.layer.LayerKind;

/** Where palette layers go: the canvas, seen from the palette. */
public interface LayerDropTarget {

    /** Whether a layer dropped at this scene point would land on the target. */
    boolean accepts(double sceneX, double sceneY);

    void drop(LayerKind kind, double sceneX, double sceneY);

    /** Adds the layer after the selected one (double-click). */
    void append(LayerKind kind);
}
