package org.neuralcanvas.ui.canvas.gesture;

import javafx.scene.input.MouseEvent;

/** One mouse interaction from press to release; the canvas starts it on press and feeds it the rest. */
public interface Gesture {

    void drag(MouseEvent e);

    void release(MouseEvent e);
}
