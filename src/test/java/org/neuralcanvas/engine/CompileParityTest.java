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
        return Stream.of(
                Arguments.of("mlp", mlp(), "categorical_crossentropy"),
                Arguments.of("cnn", cnn(), "categorical_crossentropy"),
                Arguments.of("cnn with global pooling and concatenate", globalPooling2d(), "categorical_crossentropy"),
                Arguments.of("reshape to image and to sequence", reshapes(), "mse"),
                Arguments.of("text: embedding, conv1d, pooling, rnn, lstm", text(), "binary_crossentropy"),
                Arguments.of("bidirectional", bidirectional(), "mse"),
                Arguments.of("global pooling 1d", globalPooling1d(), "mse"),
                Arguments.of("every merge", merges(), "categorical_crossentropy"),
                Arguments.of("sequence output and flattened sequence", sequences(), "mse"),
                Arguments.of("activation layers, rescaling and noise", activationLayers(), "categorical_crossentropy"),
                Arguments.of("image padding, transposed, separable and depthwise convolutions", imageReshaping(), "mse"),
                Arguments.of("sequence padding, cropping, up-sampling and RepeatVector", sequenceReshaping(), "mse"),
                Arguments.of("an image output after up-sampling (autoencoder)", imageOutput(), "mse"));
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
            if (net.getVertex(node.name()) != null && net.getVertex(node.name()).hasLayer()) {
                assertEquals(r.params().total(), net.getLayer(node.name()).numParams(),
                        title + ": weights of " + node.name());
            }
        }
        assertEquals(summary.totalParams(), net.numParams(), title + ": total weights");
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
            assertEquals(ModelSummary.of(c.model().graph(), c.model().inference()).totalParams(), net.numParams(), mode);
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

    static ModelGraph activationLayers() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(8)));
        b.then("Rescaling", Map.of("scale", 0.5, "offset", -1.0));
        b.then("Dense", Map.of("units", 16));
        b.then("LeakyReLU", Map.of("negative_slope", 0.1));
        b.then("Dense", Map.of("units", 12));
        b.then("PReLU", Map.of());
        b.then("ELU", Map.of("alpha", 0.5));
        b.then("ReLU", Map.of("max_value", 6.0, "negative_slope", 0.1, "threshold", 0.5));
        b.then("GaussianNoise", Map.of("stddev", 0.2));
        b.then("Dense", Map.of("units", 4, "activation", "softmax"));
        return b.graph();
    }

    static ModelGraph imageReshaping() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(7, 6, 3)));
        b.then("ZeroPadding2D", Map.of("padding", List.of(1, 2, 0, 1)));
        b.then("Conv2DTranspose", Map.of("filters", 4, "kernel_size", List.of(3, 2), "strides", List.of(2, 2),
                "activation", "relu"));
        b.then("Cropping2D", Map.of("cropping", List.of(1, 2, 2, 1)));
        b.then("SeparableConv2D", Map.of("filters", 6, "kernel_size", List.of(3, 3), "depth_multiplier", 2,
                "padding", "same"));
        b.then("DepthwiseConv2D", Map.of("kernel_size", List.of(3, 2), "depth_multiplier", 2));
        b.then("SpatialDropout2D", Map.of("rate", 0.3));
        b.then("UpSampling2D", Map.of("size", List.of(2, 1)));
        b.then("PReLU", Map.of("shared_axes", List.of(1, 2)));
        b.then("Conv2DTranspose", Map.of("filters", 2, "kernel_size", List.of(3, 3), "padding", "same"));
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 3));
        return b.graph();
    }

    static ModelGraph sequenceReshaping() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(10)));
        b.then("Dense", Map.of("units", 6));
        b.then("RepeatVector", Map.of("n", 5));
        b.then("ZeroPadding1D", Map.of("padding", List.of(1, 2)));
        b.then("Cropping1D", Map.of("cropping", List.of(2, 1)));
        b.then("UpSampling1D", Map.of("size", 3));
        b.then("SpatialDropout1D", Map.of("rate", 0.2));
        b.then("LSTM", Map.of("units", 4));
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    /** A small convolutional autoencoder's decoder: the output is an image, as the input was. */
    static ModelGraph imageOutput() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(8, 8, 1)));
        b.then("Conv2D", Map.of("filters", 4, "kernel_size", List.of(3, 3), "padding", "same", "activation", "relu"));
        b.then("MaxPooling2D", Map.of());
        b.then("UpSampling2D", Map.of());
        b.then("Conv2DTranspose", Map.of("filters", 1, "kernel_size", List.of(3, 3), "padding", "same",
                "activation", "sigmoid"));
        return b.graph();
    }

    static ModelGraph mlp() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(20)));
        b.then("Dense", Map.of("units", 16, "activation", "relu"));
        b.then("Dropout", Map.of("rate", 0.2));
        b.then("Activation", Map.of("activation", "tanh"));
        b.then("BatchNormalization", Map.of());
        b.then("Dense", Map.of("units", 8, "use_bias", false));
        b.then("Dense", Map.of("units", 3, "activation", "softmax"));
        return b.graph();
    }

    static ModelGraph cnn() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(12, 10, 2)));
        b.then("Conv2D", Map.of("filters", 4, "kernel_size", List.of(3, 3), "padding", "same", "activation", "relu"));
        b.then("BatchNormalization", Map.of());
        b.then("MaxPooling2D", Map.of());
        b.then("Conv2D", Map.of("filters", 6, "kernel_size", List.of(3, 2), "strides", List.of(1, 2)));
        b.then("AveragePooling2D", Map.of("pool_size", List.of(2, 2), "padding", "same"));
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 3, "activation", "softmax"));
        return b.graph();
    }

    static ModelGraph globalPooling2d() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8, 8, 3)));
        String conv = b.add("Conv2D", Map.of("filters", 5, "kernel_size", List.of(3, 3)), in);
        String avg = b.add("GlobalAveragePooling2D", Map.of(), conv);
        String max = b.add("GlobalMaxPooling2D", Map.of(), conv);
        String cat = b.add("Concatenate", Map.of(), avg, max);
        b.add("Dense", Map.of("units", 3, "activation", "softmax"), cat);
        return b.graph();
    }

    static ModelGraph reshapes() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(64)));
        String img = b.add("Reshape", Map.of("target_shape", List.of(8, 8, 1)), in);
        String conv = b.add("Conv2D", Map.of("filters", 2, "kernel_size", List.of(3, 3)), img);
        String cat = b.add("Concatenate", Map.of(), conv, b.add("Conv2D", Map.of("filters", 3,
                "kernel_size", List.of(3, 3)), img));
        String flat = b.add("Flatten", Map.of(), cat);
        String seq = b.add("Reshape", Map.of("target_shape", List.of(16, -1)), in);
        String lstm = b.add("LSTM", Map.of("units", 4), seq);
        String joined = b.add("Concatenate", Map.of(), flat, lstm);
        b.add("Dense", Map.of("units", 2), joined);
        return b.graph();
    }

    static ModelGraph text() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(12)));
        b.then("Embedding", Map.of("input_dim", 50, "output_dim", 8));
        b.then("Conv1D", Map.of("filters", 6, "kernel_size", List.of(3), "activation", "relu"));
        b.then("MaxPooling1D", Map.of());
        b.then("Conv1D", Map.of("filters", 4, "kernel_size", List.of(2), "strides", List.of(2), "padding", "same"));
        b.then("AveragePooling1D", Map.of("pool_size", List.of(2), "strides", List.of(1), "padding", "same"));
        b.then("SimpleRNN", Map.of("units", 5, "return_sequences", true));
        b.then("LSTM", Map.of("units", 4, "recurrent_activation", "hard_sigmoid"));
        b.then("Dense", Map.of("units", 1, "activation", "sigmoid"));
        return b.graph();
    }

    static ModelGraph bidirectional() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(6, 3)));
        b.then("Bidirectional", Map.of("layer", "LSTM", "units", 4, "return_sequences", true));
        b.then("Bidirectional", Map.of("layer", "SimpleRNN", "units", 3, "merge_mode", "sum"));
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    static ModelGraph globalPooling1d() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(6, 3)));
        String conv = b.add("Conv1D", Map.of("filters", 4, "kernel_size", List.of(3), "padding", "same"), in);
        String avg = b.add("GlobalAveragePooling1D", Map.of(), conv);
        String max = b.add("GlobalMaxPooling1D", Map.of(), conv);
        b.add("Dense", Map.of("units", 1), b.add("Add", Map.of(), avg, max));
        return b.graph();
    }

    static ModelGraph merges() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(10)));
        String x = b.add("Dense", Map.of("units", 6, "activation", "relu"), in);
        String y = b.add("Dense", Map.of("units", 6, "activation", "relu"), in);
        String add = b.add("Add", Map.of(), x, y);
        String sub = b.add("Subtract", Map.of(), x, y);
        String mul = b.add("Multiply", Map.of(), x, y);
        String ave = b.add("Average", Map.of(), x, y, add);
        String max = b.add("Maximum", Map.of(), x, y);
        String cat = b.add("Concatenate", Map.of(), add, sub, mul, ave, max);
        String logits = b.add("Dense", Map.of("units", 3), cat);
        b.add("Softmax", Map.of(), logits);
        return b.graph();
    }

    static ModelGraph sequences() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(5, 4)));
        b.add("LSTM", Map.of("units", 3, "return_sequences", true), in);
        String flat = b.add("Flatten", Map.of(), in);
        b.add("Dense", Map.of("units", 2), flat);
        return b.graph();
    }
}
