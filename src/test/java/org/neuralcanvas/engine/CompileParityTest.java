package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.compile.Dl4jShapes;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * For every catalog layer kind: the compiled DL4J network has the weight count of our summary and
 * the shapes of our inference, both in DL4J's configuration and in a real forward pass.
 */
class CompileParityTest {

    private static final Set<String> COVERED = new HashSet<>();

    static Stream<Arguments> models() {
        return SampleModels.all().stream().map(m -> Arguments.of(m.title(), m.graph(), m.loss()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void compiledNetworkHasOurShapesAndWeightCounts(String title, ModelGraph graph, String loss) {
        Compilation c = Dl4jCompiler.compile(graph, TrainingSettings.defaults().withLoss(loss));
        assertTrue(c.ok(), () -> title + ": " + c.problems());
        CompiledModel m = c.model();
        // On a copy: DL4J's type pass resets an Embedding's vocabulary size (see Dl4jLayers.afterBuild).
        Map<String, InputType> dl4jTypes = m.configuration().clone().getLayerActivationTypes(m.inputTypeArray());
        ComputationGraph net = new ComputationGraph(m.configuration());
        net.init();
        ModelSummary summary = ModelSummary.of(m.graph(), m.inference());

        INDArray[] inputs = m.inputShapes().stream().map(CompileParityTest::sample).toArray(INDArray[]::new);
        Map<String, INDArray> activations = net.feedForward(inputs, false);
        for (NodeResult r : m.inference().order()) {
            LayerNode node = r.node();
            COVERED.add(node.kind().kerasName());
            String vertex = m.vertexOfNode().get(node.id());
            assertEquals(r.outputShape(), Dl4jShapes.of(dl4jTypes.get(vertex), r.outputShape()),
                    title + ": DL4J's type of " + node.name());
            assertArrayEquals(withBatch(r.outputShape()), activations.get(vertex).shape(),
                    title + ": activations of " + node.name());
            // The weights live in the vertex named after the node (its output vertex may be an activation after it).
            // (Or in a vertex of our own, MultiHeadAttention, or the halves of a Bidirectional GRU.)
            if (net.getVertex(node.name()) != null) {
                assertEquals(r.params().total(), org.neuralcanvas.engine.compile.NodeParams.count(net, node.name()),
                        title + ": weights of " + node.name());
            }
        }
        // params(), not numParams(): DL4J's numParams() counts layers only, not vertices with weights.
        assertEquals(summary.totalParams(), net.params().length(), title + ": total weights");
    }

    @AfterAll
    static void everyCatalogKindWasChecked() {
        List<String> missing = new ArrayList<>();
        for (LayerKind kind : LayerCatalog.standard().kinds()) {
            if (!COVERED.contains(kind.kerasName())) {
                missing.add(kind.kerasName());
            }
        }
        assertEquals(List.of(), missing, "catalog kinds without a parity check");
    }

    @Test
    void bidirectionalSimpleRnnAndAllMergeModesCompile() {
        for (String mode : List.of("concat", "sum", "mul", "ave")) {
            ModelBuilder b = new ModelBuilder();
            b.then("Input", Map.of("shape", List.of(5, 3)));
            b.then("Bidirectional", Map.of("layer", "SimpleRNN", "units", 4, "merge_mode", mode));
            b.then("Dense", Map.of("units", 2));
            Compilation c = Dl4jCompiler.compile(b.graph(), TrainingSettings.defaults().withLoss("mse"));
            assertTrue(c.ok(), c.problems()::toString);
            ComputationGraph net = new ComputationGraph(c.model().configuration());
            net.init();
            assertEquals(ModelSummary.of(c.model().graph(), c.model().inference()).totalParams(), net.params().length(), mode);
        }
    }

    static INDArray sample(TensorShape shape) {
        // Values in [0, 4) serve both as features and as word indices for an Embedding (input_dim >= 4).
        return Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, withBatch(shape)).muli(4).castTo(
                org.nd4j.linalg.api.buffer.DataType.INT32).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    private static long[] withBatch(TensorShape s) {
        long[] out = new long[s.rank() + 1];
        out[0] = 2;
        for (int i = 0; i < s.rank(); i++) {
            out[i + 1] = s.dim(i);
        }
        return out;
    }













}
