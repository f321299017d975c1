package org.neuralcanvas.domain.edit;

import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * One undoable change to a graph. {@link #apply} and {@link #revert} must be exact inverses, so
 * that undo/redo returns the graph to the same state, node order and input order included.
 */
public interface Edit {

    void apply(ModelGraph graph);

    void revert(ModelGraph graph);

    /** Shown in the Edit menu: "Undo Add dense_1". */
    String description();
}
