package org.neuralcanvas.engine;

import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * Small models that together use every layer kind of the catalog, with a loss each fits: the compiler's parity
 * check and the catalog coverage check (Keras weight layouts both ways) run over them.
 */
public final class SampleModels {

    /** A model, what it shows, and a loss it trains with. */
    public record SampleModel(String title, ModelGraph graph, String loss) {
    }

    private SampleModels() {
    }

    public static List<SampleModel> all() {
        return List.of(
                new SampleModel("mlp", mlp(), "categorical_crossentropy"),
                new SampleModel("cnn", cnn(), "categorical_crossentropy"),
                new SampleModel("cnn with global pooling and concatenate", globalPooling2d(), "categorical_crossentropy"),
                new SampleModel("reshape to image and to sequence", reshapes(), "mse"),
                new SampleModel("text: embedding, conv1d, pooling, rnn, lstm", text(), "binary_crossentropy"),
                new SampleModel("bidirectional", bidirectional(), "mse"),
                new SampleModel("bidirectional gru", bidirectionalGru(), "mse"),
                new SampleModel("global pooling 1d", globalPooling1d(), "mse"),
                new SampleModel("every merge", merges(), "categorical_crossentropy"),
                new SampleModel("sequence output and flattened sequence", sequences(), "mse"),
                new SampleModel("activation layers, rescaling and noise", activationLayers(), "categorical_crossentropy"),
                new SampleModel("image padding, transposed, separable and depthwise convolutions", imageReshaping(), "mse"),
                new SampleModel("sequence padding, cropping, up-sampling and RepeatVector", sequenceReshaping(), "mse"),
                new SampleModel("gru: stacked, on word vectors", gru(), "binary_crossentropy"),
                new SampleModel("an image output after up-sampling (autoencoder)", imageOutput(), "mse"),
                new SampleModel("self- and cross-attention", attention(), "mse"),
                new SampleModel("time-distributed convolution, pooling and dense over frames", frames(), "mse"),
                new SampleModel("padded words: mask_zero into GRU and average pooling", maskedWords(), "mse"),
                new SampleModel("padded sequences: Masking into LSTMs", maskedSequences(), "mse"));
    }

    /** Embedding(mask_zero) → GRU returning its sequence → GlobalAveragePooling1D, both skipping index 0. */
    public static ModelGraph maskedWords() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(8)));
        b.then("Embedding", Map.of("input_dim", 20, "output_dim", 4, "mask_zero", true));
        b.then("Dropout", Map.of("rate", 0.1));
        b.then("GRU", Map.of("units", 5, "return_sequences", true, "dropout", 0.2, "recurrent_dropout", 0.2));
        b.then("GlobalAveragePooling1D", Map.of());
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    /** Masking → LSTM returning its sequence → Bidirectional(GRU), every one skipping the all-zero steps. */
    public static ModelGraph maskedSequences() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(6, 3)));
        b.then("Masking", Map.of("mask_value", 0.0));
        b.then("LSTM", Map.of("units", 4, "return_sequences", true));
        b.then("Bidirectional", Map.of("layer", "GRU", "units", 3));
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    public static ModelGraph activationLayers() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(8)));
        b.then("Rescaling", Map.of("scale", 0.5, "offset", -1.0));
        b.then("Dense", Map.of("units", 16));
        b.then("LeakyReLU", Map.of("negative_slope", 0.1));
        b.then("Dense", Map.of("units", 12));
        b.then("PReLU", Map.of());
        b.then("LayerNormalization", Map.of("center", false));
        b.then("ELU", Map.of("alpha", 0.5));
        b.then("ReLU", Map.of("max_value", 6.0, "negative_slope", 0.1, "threshold", 0.5));
        b.then("GaussianNoise", Map.of("stddev", 0.2));
        b.then("Dense", Map.of("units", 4, "activation", "softmax"));
        return b.graph();
    }

    public static ModelGraph imageReshaping() {
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

    public static ModelGraph sequenceReshaping() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(10)));
        b.then("Dense", Map.of("units", 6));
        b.then("RepeatVector", Map.of("n", 5));
        b.then("ZeroPadding1D", Map.of("padding", List.of(1, 2)));
        b.then("Cropping1D", Map.of("cropping", List.of(2, 1)));
        b.then("UpSampling1D", Map.of("size", 3));
        b.then("Permute", Map.of("dims", List.of(2, 1)));
        b.then("Permute", Map.of("dims", List.of(2, 1)));
        b.then("SpatialDropout1D", Map.of("rate", 0.2));
        b.then("LSTM", Map.of("units", 4));
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    public static ModelGraph gru() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(9)));
        b.then("Embedding", Map.of("input_dim", 30, "output_dim", 6));
        b.then("GRU", Map.of("units", 5, "return_sequences", true));
        b.then("LayerNormalization", Map.of("epsilon", 0.01));
        b.then("GRU", Map.of("units", 4, "recurrent_activation", "hard_sigmoid", "return_sequences", true));
        b.then("GRU", Map.of("units", 3, "reset_after", false));
        b.then("Dense", Map.of("units", 1, "activation", "sigmoid"));
        return b.graph();
    }

    /** A small convolutional autoencoder's decoder: the output is an image, as the input was. */
    public static ModelGraph imageOutput() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(8, 8, 1)));
        b.then("Conv2D", Map.of("filters", 4, "kernel_size", List.of(3, 3), "padding", "same", "activation", "relu"));
        b.then("MaxPooling2D", Map.of());
        b.then("UpSampling2D", Map.of());
        b.then("Conv2DTranspose", Map.of("filters", 1, "kernel_size", List.of(3, 3), "padding", "same",
                "activation", "sigmoid"));
        return b.graph();
    }

    public static ModelGraph mlp() {
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

    public static ModelGraph cnn() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(12, 10, 2)));
        b.then("Conv2D", Map.of("filters", 4, "kernel_size", List.of(3, 3), "padding", "same", "activation", "relu"));
        b.then("Conv2D", Map.of("filters", 4, "kernel_size", List.of(3, 2), "dilation_rate", List.of(2, 1),
                "padding", "same"));
        b.then("BatchNormalization", Map.of());
        b.then("MaxPooling2D", Map.of());
        b.then("Conv2D", Map.of("filters", 6, "kernel_size", List.of(3, 2), "strides", List.of(1, 2)));
        b.then("AveragePooling2D", Map.of("pool_size", List.of(2, 2), "padding", "same"));
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 3, "activation", "softmax"));
        return b.graph();
    }

    public static ModelGraph globalPooling2d() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(8, 8, 3)));
        String conv = b.add("Conv2D", Map.of("filters", 5, "kernel_size", List.of(3, 3)), in);
        String avg = b.add("GlobalAveragePooling2D", Map.of(), conv);
        String max = b.add("GlobalMaxPooling2D", Map.of(), conv);
        String cat = b.add("Concatenate", Map.of(), avg, max);
        b.add("Dense", Map.of("units", 3, "activation", "softmax"), cat);
        return b.graph();
    }

    public static ModelGraph reshapes() {
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

    public static ModelGraph text() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(12)));
        b.then("Embedding", Map.of("input_dim", 50, "output_dim", 8));
        b.then("Conv1D", Map.of("filters", 6, "kernel_size", List.of(3), "activation", "relu"));
        b.then("MaxPooling1D", Map.of());
        b.then("Conv1D", Map.of("filters", 4, "kernel_size", List.of(2), "strides", List.of(2), "padding", "same"));
        b.then("AveragePooling1D", Map.of("pool_size", List.of(2), "strides", List.of(1), "padding", "same"));
        b.then("Conv1D", Map.of("filters", 5, "kernel_size", List.of(2), "dilation_rate", List.of(2),
                "padding", "causal", "activation", "tanh"));
        b.then("SimpleRNN", Map.of("units", 5, "return_sequences", true));
        b.then("LSTM", Map.of("units", 4, "recurrent_activation", "hard_sigmoid"));
        b.then("Dense", Map.of("units", 1, "activation", "sigmoid"));
        return b.graph();
    }

    public static ModelGraph bidirectional() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(6, 3)));
        b.then("Bidirectional", Map.of("layer", "LSTM", "units", 4, "return_sequences", true));
        b.then("Bidirectional", Map.of("layer", "SimpleRNN", "units", 3, "merge_mode", "sum"));
        b.then("Dense", Map.of("units", 2));
        return b.graph();
    }

    /** Bidirectional GRUs: Keras 3's (concatenated sequences), then Keras 2.2's averaged. */
    public static ModelGraph bidirectionalGru() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(5, 3)));
        b.then("Bidirectional", Map.of("layer", "GRU", "units", 4, "return_sequences", true));
        b.then("Bidirectional", Map.of("layer", "GRU", "units", 2, "merge_mode", "ave", "reset_after", false));
        b.then("Dense", Map.of("units", 1));
        return b.graph();
    }

    public static ModelGraph globalPooling1d() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(6, 3)));
        String conv = b.add("Conv1D", Map.of("filters", 4, "kernel_size", List.of(3), "padding", "same"), in);
        String avg = b.add("GlobalAveragePooling1D", Map.of(), conv);
        String max = b.add("GlobalMaxPooling1D", Map.of(), conv);
        b.add("Dense", Map.of("units", 1), b.add("Add", Map.of(), avg, max));
        return b.graph();
    }

    public static ModelGraph merges() {
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

    /** MultiHeadAttention on one sequence (self-attention), then a query reading another sequence, without biases. */
    public static ModelGraph attention() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(6, 4)));
        String other = b.add("Input", Map.of("shape", List.of(3, 5)));
        String self = b.add("MultiHeadAttention", Map.of("num_heads", 2, "key_dim", 3, "value_dim", 2), in);
        String cross = b.add("MultiHeadAttention", Map.of("num_heads", 3, "key_dim", 2, "value_dim", 4,
                "use_bias", false), self, other);
        b.add("Dense", Map.of("units", 1), b.add("GlobalAveragePooling1D", Map.of(), cross));
        return b.graph();
    }

    /** TimeDistributed Conv2D, MaxPooling2D, Flatten and Dense on each of 4 frames, then an LSTM over them. */
    public static ModelGraph frames() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4, 6, 6, 2)));
        b.then("Conv2D", Map.of("filters", 3, "kernel_size", List.of(3, 3), "activation", "tanh", "padding", "same",
                "time_distributed", true));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2), "time_distributed", true));
        b.then("Flatten", Map.of("time_distributed", true));
        b.then("Dense", Map.of("units", 5, "activation", "relu", "time_distributed", true));
        b.then("LSTM", Map.of("units", 3));
        b.then("Dense", Map.of("units", 1));
        return b.graph();
    }

    public static ModelGraph sequences() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(5, 4)));
        b.add("LSTM", Map.of("units", 3, "return_sequences", true), in);
        String flat = b.add("Flatten", Map.of(), in);
        b.add("Dense", Map.of("units", 2), flat);
        return b.graph();
    }
}
