package org.neuralcanvas.ui.canvas.gesture;

import java.util.Collection;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import org.neuralcanvas.domain.edit.Edit;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.ui.canvas.NodeView;
import org.neuralcanvas.ui.common.Selection;

/** What gestures may ask of the canvas: coordinates, node views, the graph, and edits. */
public interface CanvasHost {

    /** Scene coordinates to world (graph) coordinates. */
    Point2D toWorld(double sceneX, double sceneY);

    Collection<NodeView> nodeViews();

    /** The node whose box (with a margin) contains a world point, top-most first. */
    NodeView nodeAt(double worldX, double worldY);

    ModelGraph graph();

    Selection selection();

    void execute(Edit edit);

    /** Moves a node's view (and its edges) without touching the graph, while a drag is under way. */
    void previewPosition(String nodeId, double x, double y);

    /** The world-space layer above nodes where gestures draw rubber bands. */
    Group overlay();

    /** Shows a message at the cursor (scene coordinates); null hides it. */
    void showHint(String message, double sceneX, double sceneY);

    /** Moves the view by a screen distance. */
    void panBy(double dx, double dy);

    /** Node ids whose boxes intersect a world rectangle. */
    Collection<String> nodesIn(double x, double y, double w, double h);
}
