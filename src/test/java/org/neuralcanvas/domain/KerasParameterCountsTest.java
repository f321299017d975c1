package org.neuralcanvas.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.shape.SummaryRow;
import org.junit.jupiter.api.Test;

/** The summaries of the Keras tutorials' models, with the counts Keras prints for them. */
class KerasParameterCountsTest {

    private static ModelSummary summarise(ModelGraph graph) {
        InferenceResult result = ShapeInference.infer(graph);
        assertTrue(result.isValid(), () -> "unexpected problems: " + result.problems());
        return ModelSummary.of(graph, result);
    }

    private static ModelGraph denseChain(int inputs, int... units) {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(inputs)));
        for (int u : units) {
            b.then("Dense", Map.of("units", u, "activation", "relu"));
        }
        return b.graph();
    }

    private static List<Long> rowParams(ModelSummary s) {
        return s.rows().stream().map(SummaryRow::params).toList();
    }

    @Test
    void quickStartDense64ThenDense10Has7114() {
        ModelSummary s = summarise(denseChain(100, 64, 10));
        assertEquals(List.of(6464L, 650L), rowParams(s));
        assertEquals(7114, s.totalParams());
    }

    @Test
    void dropoutAddsNoWeights() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(20)));
        b.then("Dense", Map.of("units", 64, "activation", "relu"));
        b.then("Dropout", Map.of("rate", 0.5));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        ModelSummary s = summarise(b.graph());
        assertEquals(List.of(1344L, 0L, 650L), rowParams(s));
        assertEquals(1994, s.totalParams());
    }

    @Test
    void mnistMlpHas407050() {
        ModelSummary s = summarise(denseChain(784, 512, 10));
        assertEquals(List.of(401920L, 5130L), rowParams(s));
        assertEquals(407050, s.totalParams());
    }

    @Test
    void imdbMultiHotHas160305() {
        ModelSummary s = summarise(denseChain(10000, 16, 16, 1));
        assertEquals(List.of(160016L, 272L, 17L), rowParams(s));
        assertEquals(160305, s.totalParams());
    }

    @Test
    void reutersHas647214() {
        ModelSummary s = summarise(denseChain(10000, 64, 64, 46));
        assertEquals(List.of(640064L, 4160L, 2990L), rowParams(s));
        assertEquals(647214, s.totalParams());
    }

    @Test
    void bostonHousingHas5121() {
        ModelSummary s = summarise(denseChain(13, 64, 64, 1));
        assertEquals(List.of(896L, 4160L, 65L), rowParams(s));
        assertEquals(5121, s.totalParams());
    }

    @Test
    void stackedLstmHas23242WithKerasShapes() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8, 16)));
        b.then("LSTM", Map.of("units", 32, "return_sequences", true));
        b.then("LSTM", Map.of("units", 32, "return_sequences", true));
        b.then("LSTM", Map.of("units", 32));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        ModelSummary s = summarise(b.graph());
        assertEquals(List.of(6272L, 8320L, 8320L, 330L), rowParams(s));
        assertEquals(23242, s.totalParams());
        assertEquals(List.of("(None, 8, 32)", "(None, 8, 32)", "(None, 32)", "(None, 10)"),
                s.rows().stream().map(SummaryRow::outputShape).toList());
    }

    @Test
    void functionalMlpHas55050() {
        ModelBuilder b = new ModelBuilder();
        String x = b.add("Input", Map.of("shape", List.of(784)));
        x = b.add("Dense", Map.of("units", 64, "activation", "relu"), x);
        x = b.add("Dense", Map.of("units", 64, "activation", "relu"), x);
        b.add("Dense", Map.of("units", 10, "activation", "softmax"), x);
        ModelSummary s = summarise(b.graph());
        assertEquals(55050, s.totalParams());
    }

    @Test
    void batchNormalizationOn32ChannelsHas64TrainableAnd64NonTrainable() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Conv2D", Map.of("filters", 32, "kernel_size", List.of(3, 3)));
        b.then("BatchNormalization", Map.of());
        ModelSummary s = summarise(b.graph());
        SummaryRow bn = s.rows().get(1);
        assertEquals("batch_normalization (BatchNormalization)", bn.layer());
        assertEquals(128, bn.params());
        assertEquals(320 + 64, s.trainableParams());
        assertEquals(64, s.nonTrainableParams());
    }

    @Test
    void mnistCnnMatchesKerasExample() {
        // keras.io "Simple MNIST convnet" layout with the classic 32/64 filters and Dense(128).
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Conv2D", Map.of("filters", 32, "kernel_size", List.of(3, 3), "activation", "relu"));
        b.then("Conv2D", Map.of("filters", 64, "kernel_size", List.of(3, 3), "activation", "relu"));
        b.then("MaxPooling2D", Map.of());
        b.then("Dropout", Map.of("rate", 0.25));
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 128, "activation", "relu"));
        b.then("Dropout", Map.of());
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        ModelSummary s = summarise(b.graph());
        assertEquals(List.of("(None, 26, 26, 32)", "(None, 24, 24, 64)", "(None, 12, 12, 64)", "(None, 12, 12, 64)",
                "(None, 9216)", "(None, 128)", "(None, 128)", "(None, 10)"),
                s.rows().stream().map(SummaryRow::outputShape).toList());
        assertEquals(1_199_882, s.totalParams());
    }

    @Test
    void embeddingThenBidirectionalLstm() {
        // keras.io "Bidirectional LSTM on IMDB": Embedding(20000, 128) → Bidirectional(LSTM(64)).
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(200)));
        b.then("Embedding", Map.of("input_dim", 20000, "output_dim", 128));
        b.then("Bidirectional", Map.of("units", 64, "return_sequences", true));
        b.then("Bidirectional", Map.of("units", 64));
        b.then("Dense", Map.of("units", 1, "activation", "sigmoid"));
        ModelSummary s = summarise(b.graph());
        assertEquals(List.of(2_560_000L, 98_816L, 98_816L, 129L), rowParams(s));
        assertEquals("(None, 200, 128)", s.rows().get(1).outputShape());
    }

    @Test
    void conv1dAndSimpleRnnCounts() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(100, 8)));
        b.then("Conv1D", Map.of("filters", 16, "kernel_size", List.of(5), "padding", "same"));
        b.then("MaxPooling1D", Map.of());
        b.then("SimpleRNN", Map.of("units", 10));
        ModelSummary s = summarise(b.graph());
        assertEquals(List.of(5L * 8 * 16 + 16, 0L, 10L * (16 + 10) + 10), rowParams(s));
        assertEquals(List.of("(None, 100, 16)", "(None, 50, 16)", "(None, 10)"),
                s.rows().stream().map(SummaryRow::outputShape).toList());
    }

    @Test
    void functionalBranchesMergedByConcatenateShowConnections() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(32)));
        String left = b.add("Dense", Map.of("units", 16), in);
        String right = b.add("Dense", Map.of("units", 8), in);
        String joined = b.add("Concatenate", Map.of(), left, right);
        b.add("Dense", Map.of("units", 1), joined);
        ModelSummary s = summarise(b.graph());
        assertTrue(s.functional());
        SummaryRow concat = s.rows().get(3);
        assertEquals("(None, 24)", concat.outputShape());
        assertEquals(List.of("dense[0][0]", "dense_1[0][0]"), concat.connectedTo());
        assertEquals(528 + 264 + 25, s.totalParams());
        String text = s.toText("model");
        assertTrue(text.contains("input_1 (InputLayer)"), text);
        assertTrue(text.contains("Total params: 817"), text);
    }

    @Test
    void sequentialSummaryTextLooksLikeKeras() {
        String text = summarise(denseChain(100, 64, 10)).toText("sequential");
        assertTrue(text.startsWith("Model: \"sequential\"\n"), text);
        assertTrue(text.contains(" dense (Dense)               (None, 64)                6464"), text);
        assertTrue(text.contains("Total params: 7,114\nTrainable params: 7,114\nNon-trainable params: 0\n"), text);
    }

    /**
     * The layers added with the registry, counted by the formulas of Keras's build() methods
     * (keras/src/layers/convolutional/conv_transpose.py, separable_conv2d.py, depthwise_conv2d.py,
     * activations/prelu.py): a convolutional decoder on 7×7×8 features.
     */
    @Test
    void transposedSeparableAndDepthwiseConvolutionsAndPReluCountAsKeras() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(7, 7, 8)));
        // kernel 3·3·8·16 + bias 16; same padding with stride 2 doubles height and width.
        b.then("Conv2DTranspose", Map.of("filters", 16, "kernel_size", List.of(3, 3), "strides", List.of(2, 2),
                "padding", "same"));
        // alpha shared over height and width: one per channel.
        b.then("PReLU", Map.of("shared_axes", List.of(1, 2)));
        // depthwise 3·3·16·2 + its bias 32.
        b.then("DepthwiseConv2D", Map.of("kernel_size", List.of(3, 3), "depth_multiplier", 2, "padding", "same"));
        // depthwise 3·3·32 + pointwise 32·24 + bias 24.
        b.then("SeparableConv2D", Map.of("filters", 24, "kernel_size", List.of(3, 3)));
        // valid padding, stride 1: 12 + 3 - 1 = 14; kernel 3·3·24·1 + 1.
        b.then("Conv2DTranspose", Map.of("filters", 1, "kernel_size", List.of(3, 3)));
        ModelSummary s = summarise(b.graph());
        assertEquals(List.of(1168L, 16L, 320L, 1080L, 217L), rowParams(s));
        assertEquals(List.of("(None, 14, 14, 16)", "(None, 14, 14, 16)", "(None, 14, 14, 32)", "(None, 12, 12, 24)",
                "(None, 14, 14, 1)"), s.rows().stream().map(r -> r.outputShape()).toList());
    }

    @Test
    void preluWithoutSharedAxesLearnsOneSlopePerValue() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(10, 6)));
        b.then("PReLU", Map.of());
        assertEquals(List.of(60L), rowParams(summarise(b.graph())));
    }

    /** Padding, cropping, up-sampling, repeating, activation and noise layers have no weights and change shapes only. */
    @Test
    void reshapingAndActivationLayersHaveNoWeights() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Rescaling", Map.of("scale", 1.0 / 255));
        b.then("ZeroPadding2D", Map.of("padding", List.of(1, 1, 2, 2)));
        b.then("Cropping2D", Map.of("cropping", List.of(3, 3, 4, 4)));
        b.then("UpSampling2D", Map.of());
        b.then("SpatialDropout2D", Map.of("rate", 0.2));
        b.then("LeakyReLU", Map.of());
        b.then("GlobalAveragePooling2D", Map.of());
        b.then("RepeatVector", Map.of("n", 5));
        b.then("ZeroPadding1D", Map.of());
        b.then("Cropping1D", Map.of("cropping", List.of(2, 0)));
        b.then("UpSampling1D", Map.of("size", 3));
        b.then("GaussianNoise", Map.of("stddev", 0.1));
        ModelSummary s = summarise(b.graph());
        assertEquals(0, s.totalParams());
        assertEquals(List.of("(None, 28, 28, 1)", "(None, 30, 32, 1)", "(None, 24, 24, 1)", "(None, 48, 48, 1)",
                "(None, 48, 48, 1)", "(None, 48, 48, 1)", "(None, 1)", "(None, 5, 1)", "(None, 7, 1)", "(None, 5, 1)",
                "(None, 15, 1)", "(None, 15, 1)"), s.rows().stream().map(r -> r.outputShape()).toList());
    }

    /**
     * MultiHeadAttention counts as Keras's einsum projections (keras.io, "MultiHeadAttention layer"): query and key
     * kernels (features, heads, key_dim) and biases (heads, key_dim), the value's with value_dim, the output kernel
     * (heads, value_dim, query features) and bias. The Transformer-block example's MultiHeadAttention(num_heads=2,
     * key_dim=32) on (200, 32) embeddings: 3 · (32·2·32 + 2·32) + (2·32·32 + 32) = 8,416.
     */
    /** Bidirectional(GRU) is two GRUs: 2 · (3·u·(f + u) + 2·3·u), Keras 2.2's 2 · (3·u·(f + u) + 3·u). */
    @Test
    void bidirectionalGruCountsTwoGrus() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(100, 32)));
        b.then("Bidirectional", Map.of("layer", "GRU", "units", 64, "return_sequences", true));
        b.then("Bidirectional", Map.of("layer", "GRU", "units", 16, "reset_after", false));
        // 2 · (3·64·96 + 384) = 37,632; 2 · (3·16·(128 + 16) + 48) = 13,920.
        assertEquals(51_552, ModelSummary.of(b.graph(), ShapeInference.infer(b.graph())).totalParams());
    }

    @Test
    void multiHeadAttentionCountsAsKeras() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(200, 32)));
        b.then("MultiHeadAttention", Map.of("num_heads", 2, "key_dim", 32, "value_dim", 32));
        assertEquals(8_416, ModelSummary.of(b.graph(), ShapeInference.infer(b.graph())).totalParams());
        ModelBuilder noBias = new ModelBuilder();
        noBias.then("Input", Map.of("shape", List.of(200, 32)));
        noBias.then("MultiHeadAttention", Map.of("num_heads", 2, "key_dim", 32, "value_dim", 32, "use_bias", false));
        assertEquals(8_192, ModelSummary.of(noBias.graph(), ShapeInference.infer(noBias.graph())).totalParams());
    }

    /**
     * keras/src/layers/rnn/gru.py (reset_after=True: kernel [in, 3u], recurrent kernel [u, 3u], bias [2, 3u]) and
     * keras/src/layers/normalization/layer_normalization.py (gamma and beta per feature), on the keras.io
     * "Working with RNNs" Embedding(1000, 64) → GRU(256).
     */
    @Test
    void gruAndLayerNormalizationCountAsKeras() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(20)));
        b.then("Embedding", Map.of("input_dim", 1000, "output_dim", 64));
        b.then("GRU", Map.of("units", 256, "return_sequences", true));
        b.then("LayerNormalization", Map.of());
        b.then("GRU", Map.of("units", 32, "reset_after", false));
        ModelSummary s = summarise(b.graph());
        // 3·256·(64 + 256) + 2·3·256; 2·256; reset_after=False has one bias: 3·32·(256 + 32) + 3·32.
        assertEquals(List.of(64000L, 247296L, 512L, 27744L), rowParams(s));
    }
}
