package org.neuralcanvas.domain.shape;

import java.util.List;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.ParamCount;

/**
 * What inference learned about one layer. Shapes and counts are null where they cannot be
 * known (the layer or something before it has a problem).
 */
public record NodeResult(LayerNode node, List<TensorShape> inputShapes, TensorShape outputShape, ParamCount params) {

    public boolean known() {
        return outputShape != null;
    }
}
