package org.neuralcanvas.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.edit.AddNodeEdit;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.edit.ConnectEdit;
import org.neuralcanvas.domain.edit.DisconnectEdit;
import org.neuralcanvas.domain.edit.EditHistory;
import org.neuralcanvas.domain.edit.RemoveNodesEdit;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNames;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;

class EditHistoryTest {

    private final LayerCatalog catalog = LayerCatalog.standard();

    private static long total(ModelGraph g) {
        return ModelSummary.of(g, ShapeInference.infer(g)).totalParams();
    }

    @Test
    void automaticNamesFollowKerasAndStayUnique() {
        ModelGraph g = new ModelGraph();
        EditHistory h = new EditHistory(g);
        h.execute(AddNodeEdit.of(g, catalog.get("Input"), 0, 0));
        h.execute(AddNodeEdit.of(g, catalog.get("Dense"), 0, 0));
        h.execute(AddNodeEdit.of(g, catalog.get("Dense"), 0, 0));
        h.execute(AddNodeEdit.of(g, catalog.get("MaxPooling2D"), 0, 0));
        assertEquals(List.of("input_1", "dense", "dense_1", "max_pooling2d"), g.nodes().stream().map(LayerNode::name).toList());
        h.execute(new RemoveNodesEdit(List.of(g.findByName("dense").orElseThrow().id())));
        h.execute(AddNodeEdit.of(g, catalog.get("Dense"), 0, 0));
        assertTrue(g.findByName("dense").isPresent(), "a freed name is reused, as Keras would not clash");
    }

    @Test
    void renameIsValidated() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String d = b.then("Dense", Map.of());
        ModelGraph g = b.graph();
        assertEquals("Another layer is already named 'input_1'. Layer names must be unique.", LayerNames.validateRename(g, d, "input_1"));
        assertTrue(LayerNames.validateRename(g, d, "my layer").contains("not a valid layer name"));
        assertEquals("A layer name cannot be empty.", LayerNames.validateRename(g, d, " "));
        assertEquals(null, LayerNames.validateRename(g, d, "classifier"));
        assertEquals(null, LayerNames.validateRename(g, in, "input_1"));
    }

    @Test
    void setParamUndoRedoChangesTotalsAndDirtyFlag() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(100)));
        String d = b.then("Dense", Map.of("units", 64));
        ModelGraph g = b.graph();
        EditHistory h = new EditHistory(g);
        assertFalse(h.isDirty());
        assertEquals(6464, total(g));
        h.execute(ChangeNodeEdit.setParam(g, d, "units", 10));
        assertEquals(1010, total(g));
        assertTrue(h.isDirty());
        assertEquals("Set units of dense", h.undoDescription().orElseThrow());
        h.undo();
        assertEquals(6464, total(g));
        assertFalse(h.isDirty(), "back at the saved state");
        h.redo();
        assertEquals(1010, total(g));
        h.markSaved();
        assertFalse(h.isDirty());
        h.undo();
        assertTrue(h.isDirty());
    }

    @Test
    void removeAndUndoRestoresNodesEdgesAndMergeInputOrder() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String a = b.add("Dense", Map.of("units", 4), in);
        String c = b.add("Dense", Map.of("units", 6), in);
        String cat = b.add("Concatenate", Map.of(), a, c);
        ModelGraph g = b.graph();
        List<LayerNode> nodesBefore = g.nodes();
        List<Edge> edgesBefore = g.edges();
        EditHistory h = new EditHistory(g);
        h.execute(new RemoveNodesEdit(List.of(a)));
        assertEquals(3, g.nodeCount());
        assertEquals(List.of(new Edge(in, c), new Edge(c, cat)), g.edges());
        h.undo();
        assertEquals(nodesBefore, g.nodes());
        assertEquals(edgesBefore, g.edges());
        assertEquals(List.of(a, c), g.incoming(cat).stream().map(Edge::from).toList());
    }

    @Test
    void connectDisconnectAndMoveAreUndoable() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String d = b.add("Dense", Map.of());
        ModelGraph g = b.graph();
        EditHistory h = new EditHistory(g);
        h.execute(new ConnectEdit(new Edge(in, d)));
        assertTrue(ShapeInference.infer(g).isValid());
        h.execute(new DisconnectEdit(new Edge(in, d)));
        assertFalse(g.hasEdge(in, d));
        h.undo();
        assertTrue(g.hasEdge(in, d));
        h.execute(ChangeNodeEdit.move(g, Map.of(d, new double[] {300, 400})));
        assertEquals(300, g.node(d).x());
        h.undo();
        assertEquals(0, g.node(d).x());
        h.undo();
        h.undo();
        assertFalse(g.hasEdge(in, d));
        assertFalse(h.canUndo());
    }

    @Test
    void appendAfterAddsAndConnectsAsOneStep() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        ModelGraph g = b.graph();
        EditHistory h = new EditHistory(g);
        h.execute(AddNodeEdit.appendAfter(g, in, catalog.get("Dense"), 0, 100));
        assertEquals(2, g.nodeCount());
        assertEquals(1, g.edges().size());
        h.undo();
        assertEquals(1, g.nodeCount());
        assertEquals(0, g.edges().size());
    }
}
