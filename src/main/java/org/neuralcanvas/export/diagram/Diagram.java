package org.neuralcanvas.export.diagram;

import java.util.List;
import org.neuralcanvas.domain.layer.LayerCategory;
import org.neuralcanvas.export.layout.LayeredLayout;

/**
 * A model diagram ready to paint: where each layer box goes and what it says, and the route of
 * each connection. Built once by {@link DiagramBuilder}; painted by {@link DiagramPainter} onto
 * any {@code Graphics2D} (SVG or bitmap), so both formats show the same picture.
 *
 * @param width  total width in diagram units (1 unit = 1 CSS pixel in the SVG)
 * @param height total height
 * @param boxes  one per layer, in the graph's order
 * @param arrows one per connection
 */
public record Diagram(double width, double height, List<LayerBox> boxes, List<Arrow> arrows) {

    /**
     * One layer.
     *
     * @param title    the layer name, e.g. {@code conv2d}
     * @param type     its Keras class, e.g. {@code Conv2D} ({@code InputLayer} for inputs)
     * @param lines    the shape and weight lines under the title
     * @param category the palette group, which picks the colour
     * @param merge    whether it joins branches (drawn with a distinct outline)
     * @param problem  whether shape inference found a problem on it (drawn in red)
     */
    public record LayerBox(LayeredLayout.Box box, String title, String type, List<String> lines,
                           LayerCategory category, boolean merge, boolean problem) {
    }

    /**
     * One connection.
     *
     * @param route     start, bends and end (the end touches the target box)
     * @param inputSlot 1-based position among the target's inputs where the target is a merge
     *                  (order matters for Subtract and Concatenate), else 0
     */
    public record Arrow(List<LayeredLayout.Point> route, int inputSlot) {
    }
}
