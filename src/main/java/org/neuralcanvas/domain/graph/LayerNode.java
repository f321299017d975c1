package org.neuralcanvas.domain.graph;

import java.util.Objects;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.LayerParams;

/**
 * One layer on the canvas, immutable: a change makes a new node with the same id.
 *
 * @param id     stable identity within its graph (survives renames, undo and save)
 * @param kind   what layer it is
 * @param name   the Keras layer name, unique within the graph
 * @param params the parameter values
 * @param x      canvas position of the node's top-left corner
 * @param y      canvas position of the node's top-left corner
 */
public record LayerNode(String id, LayerKind kind, String name, LayerParams params, double x, double y) {

    public LayerNode {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        Objects.requireNonNull(params);
    }

    public LayerNode withName(String newName) {
        return new LayerNode(id, kind, newName, params, x, y);
    }

    public LayerNode withParams(LayerParams newParams) {
        return new LayerNode(id, kind, name, newParams, x, y);
    }

    public LayerNode withPosition(double newX, double newY) {
        return new LayerNode(id, kind, name, params, newX, newY);
    }
}
