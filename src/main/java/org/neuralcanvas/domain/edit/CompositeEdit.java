package org.neuralcanvas.domain.edit;

import java.util.List;
import org.neuralcanvas.domain.graph.ModelGraph;

/** Several edits undone and redone as one (paste, duplicate, a template, append-after). */
public final class CompositeEdit implements Edit {

    private final String description;
    private final List<Edit> edits;

    public CompositeEdit(String description, List<Edit> edits) {
        this.description = description;
        this.edits = List.copyOf(edits);
    }

    @Override
    public void apply(ModelGraph graph) {
        edits.forEach(e -> e.apply(graph));
    }

    @Override
    public void revert(ModelGraph graph) {
        for (int i = edits.size() - 1; i >= 0; i--) {
            edits.get(i).revert(graph);
        }
    }

    @Override
    public String description() {
        return description;
    }
}
