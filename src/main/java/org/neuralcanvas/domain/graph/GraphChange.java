package org.neuralcanvas.domain.graph;

/** What changed in a {@link ModelGraph}, so views can update only what they show of it. */
public sealed interface GraphChange {

    record NodeAdded(LayerNode node) implements GraphChange {
    }

    record NodeRemoved(LayerNode node) implements GraphChange {
    }

    /** Name, parameters or position changed; the id is the same. */
    record NodeChanged(LayerNode before, LayerNode after) implements GraphChange {
    }

    record EdgeAdded(Edge edge) implements GraphChange {
    }

    record EdgeRemoved(Edge edge) implements GraphChange {
    }
}
