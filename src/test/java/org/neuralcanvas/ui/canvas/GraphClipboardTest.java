package org.neuralcanvas.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.edit.EditHistory;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.templates.Templates;

class GraphClipboardTest {

    private final ModelGraph graph = new Templates().find("boston_housing").orElseThrow().newProject().graph();
    private final EditHistory history = new EditHistory(graph);

    private String id(String name) {
        return graph.findByName(name).orElseThrow().id();
    }

    @Test
    void pastedLayersGetFreshNamesAndKeepTheirInnerConnection() {
        GraphClipboard clipboard = new GraphClipboard();
        clipboard.copy(graph, List.of(id("dense"), id("dense_1")));
        List<String> ids = new ArrayList<>();
        history.execute(clipboard.paste(graph, 30, 30, ids));

        assertEquals(List.of("dense_3", "dense_4"), ids.stream().map(i -> graph.node(i).name()).toList());
        assertTrue(graph.hasEdge(ids.get(0), ids.get(1)));
        assertEquals(6, graph.nodeCount());
        LayerNode copy = graph.node(ids.get(0));
        LayerNode original = graph.findByName("dense").orElseThrow();
        assertEquals(original.y() + 30, copy.y());
        // Not 30 px off the original, half on top of it: beside the layers that are there.
        for (String pasted : ids) {
            LayerNode p = graph.node(pasted);
            for (LayerNode other : graph.nodes()) {
                boolean overlaps = !ids.contains(other.id()) && Math.abs(other.x() - p.x()) < NodeView.WIDTH
                        && Math.abs(other.y() - p.y()) < NodeView.HEIGHT;
                assertTrue(!overlaps, () -> p.name() + " lies on " + other.name());
            }
        }
    }

    @Test
    void cutLayersPastedAgainKeepTheirNames() {
        GraphClipboard clipboard = new GraphClipboard();
        clipboard.copy(graph, List.of(id("dense_1")));
        history.execute(new org.neuralcanvas.domain.edit.RemoveNodesEdit(List.of(id("dense_1"))));
        List<String> ids = new ArrayList<>();
        history.execute(clipboard.paste(graph, 30, 30, ids));
        assertEquals("dense_1", graph.node(ids.get(0)).name(), "the name was free again");
    }

    @Test
    void aPasteIsUndoneAsOneEdit() {
        history.execute(GraphClipboard.insert(graph, GraphClipboard.fragment(graph, List.of(id("dense"))), 10, 10,
                new ArrayList<>()));
        history.undo();
        assertEquals(4, graph.nodeCount());
        assertEquals(3, graph.edges().size());
    }
}
