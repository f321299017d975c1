package org.neuralcanvas.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.domain.shape.ShapeInference;

/** Each mistake a user can draw is reported as a sentence on the layer that causes it. */
class ShapeProblemsTest {

    private static Problem onlyProblem(ModelGraph graph) {
        InferenceResult r = ShapeInference.infer(graph);
        assertEquals(1, r.problems().size(), () -> "problems: " + r.problems());
        return r.problems().get(0);
    }

    @Test
    void denseFedAnImageAsksForFlatten() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Conv2D", Map.of());
        b.then("Dense", Map.of("units", 10));
        String dense = b.graph().findByName("dense").orElseThrow().id();
        Problem p = onlyProblem(b.graph());
        assertEquals(dense, p.nodeId());
        assertTrue(p.message().contains("(None, 26, 26, 32)"), p.message());
        assertTrue(p.message().contains("Add a Flatten before dense."), p.message());
    }

    @Test
    void conv2dFedAFlatVectorAsksForAnImageShape() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(784)));
        b.then("Conv2D", Map.of());
        Problem p = onlyProblem(b.graph());
        assertTrue(p.message().startsWith("conv2d (Conv2D) expects an image (None, height, width, channels) but gets (None, 784)"),
                p.message());
        assertTrue(p.message().contains("Reshape"), p.message());
    }

    @Test
    void lstmFedTwoDimensionalDataIsRejected() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(16)));
        b.then("LSTM", Map.of());
        assertTrue(onlyProblem(b.graph()).message().contains("Recurrent layers read (steps, features)"));
    }

    @Test
    void kernelBiggerThanItsInputIsRejected() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(4, 4, 1)));
        b.then("Conv2D", Map.of("kernel_size", List.of(5, 5)));
        assertTrue(onlyProblem(b.graph()).message().contains("the kernel_size 5 is bigger than its input size 4"));
    }

    @Test
    void addOfDifferentShapesIsRejected() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String a = b.add("Dense", Map.of("units", 4), in);
        String c = b.add("Dense", Map.of("units", 5), in);
        b.add("Add", Map.of(), a, c);
        assertTrue(onlyProblem(b.graph()).message().contains("needs inputs of the same shape but gets (None, 4) and (None, 5)"));
    }

    @Test
    void inChineseTheShapesAMergeGetsAreJoinedInChinese() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String a = b.add("Dense", Map.of("units", 4), in);
        String c = b.add("Dense", Map.of("units", 5), in);
        b.add("Add", Map.of(), a, c);
        java.util.Locale saved = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.SIMPLIFIED_CHINESE);
        try {
            String message = onlyProblem(b.graph()).message();
            assertTrue(message.contains("(None, 4) 和 (None, 5)"), message);
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, saved);
        }
    }

    @Test
    void nonPositiveUnitsAreRejected() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8)));
        b.then("Dense", Map.of("units", 0));
        assertEquals("dense: units must be at least 1; it is 0.", onlyProblem(b.graph()).message());
    }

    @Test
    void unknownActivationIsRejected() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8)));
        b.then("Dense", Map.of("activation", "relux"));
        assertTrue(onlyProblem(b.graph()).message().startsWith("dense: Unknown activation 'relux'. Choose one of: linear, relu"));
    }

    @Test
    void modelWithoutInputIsReported() {
        ModelBuilder b = new ModelBuilder();
        b.add("Dense", Map.of());
        InferenceResult r = ShapeInference.infer(b.graph());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().startsWith("The model has no Input layer.")));
    }

    @Test
    void danglingLayerAndUnusedInputAreReported() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8)));
        b.add("Dense", Map.of());
        InferenceResult r = ShapeInference.infer(b.graph());
        List<String> messages = r.problems().stream().map(Problem::message).toList();
        assertTrue(messages.contains("input_1 is not connected to any layer. Connect its output to a layer, or delete it."), messages::toString);
        assertTrue(messages.contains("dense has no input. Connect the output of the layer before it to dense."), messages::toString);
    }

    @Test
    void layersFedOnlyFromADisconnectedIslandAreReported() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8)));
        b.then("Dense", Map.of());
        String orphan = b.add("Dense", Map.of());
        b.add("Dense", Map.of(), orphan);
        InferenceResult r = ShapeInference.infer(b.graph());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().equals(
                "dense_2 is not connected to an Input. Connect the layers before it to an Input layer.")), r.problems()::toString);
    }

    @Test
    void cycleIsReportedOnEveryLayerInIt() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8)));
        String a = b.then("Dense", Map.of());
        String c = b.add("Add", Map.of(), a);
        ModelGraph g = b.graph();
        g.addEdge(new Edge(c, a)); // drawn past the canvas's own check, as a damaged file could
        InferenceResult r = ShapeInference.infer(g);
        assertTrue(r.problems().stream().allMatch(p -> p.message().startsWith("The model has a cycle through dense, add.")),
                r.problems()::toString);
        assertEquals(2, r.problems().size());
    }

    @Test
    void canvasRefusesACycleAndASecondInputToDense() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8)));
        String d1 = b.add("Dense", Map.of(), in);
        String d2 = b.add("Dense", Map.of(), d1);
        ModelGraph g = b.graph();
        assertTrue(g.checkConnection(d2, d1).contains("already has one"));
        String add = b.add("Add", Map.of(), d2);
        assertTrue(g.checkConnection(add, d1).contains("already has one"));
        String d3 = b.add("Dense", Map.of(), add);
        assertTrue(g.checkConnection(d3, add).contains("would make a cycle"));
        assertTrue(g.checkConnection(d1, in).contains("is an Input layer"));
        assertNull(g.checkConnection(d1, add));
    }

    @Test
    void problemsAreNotRepeatedDownstream() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Dense", Map.of());
        b.then("Dense", Map.of());
        b.then("Dense", Map.of());
        assertEquals(1, ShapeInference.infer(b.graph()).problems().size());
    }

    @Test
    void reshapeInfersMinusOneAndRejectsWrongSizes() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(784)));
        b.then("Reshape", Map.of("target_shape", List.of(-1, 28, 1)));
        InferenceResult ok = ShapeInference.infer(b.graph());
        assertEquals("(None, 28, 28, 1)", ok.order().get(1).outputShape().toString());
        b.then("Reshape", Map.of("target_shape", List.of(10, 10)));
        assertTrue(onlyProblem(b.graph()).message().contains("cannot reshape (None, 28, 28, 1) (784 values) to (10, 10) (100 values)"));
    }

    @Test
    void poolingStridesDefaultToThePoolSizeAndSamePaddingRoundsUp() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(7, 7, 3)));
        b.then("MaxPooling2D", Map.of("padding", "same"));
        b.then("AveragePooling2D", Map.of("pool_size", List.of(3, 3), "strides", List.of(1, 1)));
        b.then("GlobalMaxPooling2D", Map.of());
        InferenceResult r = ShapeInference.infer(b.graph());
        assertEquals(List.of("(None, 7, 7, 3)", "(None, 4, 4, 3)", "(None, 2, 2, 3)", "(None, 3)"),
                r.order().stream().map(n -> n.outputShape().toString()).toList());
    }
}
