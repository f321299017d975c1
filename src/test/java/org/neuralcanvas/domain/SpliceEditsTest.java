package org.neuralcanvas.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.edit.EditHistory;
import org.neuralcanvas.domain.edit.SpliceEdits;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.shape.ShapeInference;

/** Deleting inside a chain joins its neighbours; appending after a layer that feeds one goes in between. */
class SpliceEditsTest {

    private static ModelGraph cnn() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Conv2D", Map.of("filters", 8, "kernel_size", List.of(3, 3)));
        b.then("MaxPooling2D", Map.of());
        b.then("Dropout", Map.of("rate", 0.25));
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        return b.graph();
    }

    private static String id(ModelGraph g, String name) {
        return g.findByName(name).orElseThrow().id();
    }

    private static List<String> inputsOf(ModelGraph g, String name) {
        return g.incoming(id(g, name)).stream().map(e -> g.node(e.from()).name()).toList();
    }

    @Test
    void deletingAMiddleLayerJoinsItsNeighboursInOneUndoableEdit() {
        ModelGraph g = cnn();
        EditHistory h = new EditHistory(g);
        h.execute(SpliceEdits.deleteBridging(g, List.of(id(g, "dropout"))));
        assertEquals(List.of("max_pooling2d"), inputsOf(g, "flatten"));
        assertTrue(ShapeInference.infer(g).isValid(), ShapeInference.infer(g).problems()::toString);
        h.undo();
        assertEquals(List.of("dropout"), inputsOf(g, "flatten"));
        assertEquals(List.of("max_pooling2d"), inputsOf(g, "dropout"));
        assertEquals(5, g.edges().size());
    }

    @Test
    void deletingTwoLayersInARowJoinsAcrossBoth() {
        ModelGraph g = cnn();
        new EditHistory(g).execute(SpliceEdits.deleteBridging(g, List.of(id(g, "dropout"), id(g, "max_pooling2d"))));
        assertEquals(List.of("conv2d"), inputsOf(g, "flatten"));
    }

    @Test
    void aBridgeTakesTheDeletedInputsPlaceAmongAMergesInputs() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String left = b.add("Dense", Map.of("units", 4), in);
        String mid = b.add("Dropout", Map.of("rate", 0.1), left);
        String right = b.add("Dense", Map.of("units", 3), in);
        b.add("Concatenate", Map.of(), mid, right);
        ModelGraph g = b.graph();
        new EditHistory(g).execute(SpliceEdits.deleteBridging(g, List.of(mid)));
        assertEquals(List.of("dense", "dense_1"), inputsOf(g, "concatenate"), "the left branch stays first");
    }

    @Test
    void aMergeOrAnInputIsNotBridged() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String x = b.add("Dense", Map.of("units", 4), in);
        String y = b.add("Dense", Map.of("units", 4), in);
        String add = b.add("Add", Map.of(), x, y);
        b.add("Dense", Map.of("units", 1), add);
        ModelGraph g = b.graph();
        new EditHistory(g).execute(SpliceEdits.deleteBridging(g, List.of(add, in)));
        assertEquals(List.of(), inputsOf(g, "dense_2"), "which input of Add would it be? none: a problem to fix");
    }

    @Test
    void appendingAfterALayerThatFeedsOneGoesInBetweenAndTheRestMovesDown() {
        ModelGraph g = cnn();
        LayerNode flattenBefore = g.node(id(g, "flatten"));
        LayerNode denseBefore = g.node(id(g, "dense"));
        EditHistory h = new EditHistory(g);
        LayerNode dropout = g.node(id(g, "dropout"));
        h.execute(SpliceEdits.insertAfter(g, dropout.id(), LayerCatalog.standard().get("BatchNormalization"),
                dropout.x(), dropout.y() + 124, 124));
        assertEquals(List.of("batch_normalization"), inputsOf(g, "flatten"));
        assertEquals(List.of("dropout"), inputsOf(g, "batch_normalization"));
        assertEquals(flattenBefore.y() + 124, g.node(id(g, "flatten")).y());
        assertEquals(denseBefore.y() + 124, g.node(id(g, "dense")).y());
        assertEquals(dropout.y() + 124, g.node(id(g, "batch_normalization")).y());
        h.undo();
        assertEquals(List.of("dropout"), inputsOf(g, "flatten"));
        assertEquals(flattenBefore.y(), g.node(id(g, "flatten")).y());
        assertFalse(g.findByName("batch_normalization").isPresent());
    }

    @Test
    void aLayerDroppedOnAConnectionGoesIntoIt() {
        ModelGraph g = cnn();
        var edge = g.incoming(id(g, "flatten")).get(0);
        double flattenY = g.node(id(g, "flatten")).y();
        EditHistory h = new EditHistory(g);
        h.execute(SpliceEdits.insertInto(g, edge, LayerCatalog.standard().get("BatchNormalization"), 124));
        assertEquals(List.of("batch_normalization"), inputsOf(g, "flatten"));
        assertEquals(List.of("dropout"), inputsOf(g, "batch_normalization"));
        assertEquals(flattenY, g.node(id(g, "batch_normalization")).y(), "in the place of the layer it feeds");
        assertEquals(flattenY + 124, g.node(id(g, "flatten")).y());
        h.undo();
        assertEquals(List.of("dropout"), inputsOf(g, "flatten"));
    }
}
