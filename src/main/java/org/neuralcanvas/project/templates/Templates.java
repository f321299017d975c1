package org.neuralcanvas.project.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.PublishedResult;
import org.neuralcanvas.project.TrainingSettings;

/**
 * The models of "New from template": each Keras tutorial's network, training settings and dataset, and, where the
 * tutorial publishes one, its result. The tutorials built on generated data (quick start, LSTM, the regressions,
 * the two branches) and the models of our own (the GRU, separable and autoencoder ones) publish none to compare with.
 */
public final class Templates {

    private final List<Template> all = List.of(
            // As in "Deep Learning with Python" 2.1: fit on all 60,000 digits, judge on the test set.
            new Template("mnist_mlp", Templates::mnistMlp,
                    settings("categorical_crossentropy", "rmsprop", "accuracy", 5, 128, 0.0), dataset("mnist", "flat"),
                    // The book prints test_acc: 0.9785.
                    published("accuracy", 0.975, 0.981, "Deep Learning with Python §2.1", "mnist",
                            tutorial(5, 128, "rmsprop", "0.001", "categorical_crossentropy", "0"))),
            new Template("keras_quickstart", Templates::quickStart,
                    settings("categorical_crossentropy", "rmsprop", "accuracy", 10, 32, 0.0), dataset("synthetic_classes", null)),
            new Template("mnist_cnn", Templates::mnistCnn,
                    settings("categorical_crossentropy", "adam", "accuracy", 5, 128, 0.1), dataset("mnist", "image"),
                    // The example's docstring: "Gets to 99.25% test accuracy after 12 epochs", with Keras 2's
                    // Adadelta (learning rate 1.0), validating on the test set. The template trains a shorter run.
                    published("accuracy", 0.989, 0.993, "Keras examples, mnist_cnn.py: 99.25% after 12 epochs", "mnist",
                            tutorial(12, 128, "adadelta", "1.0", "categorical_crossentropy", "0"))),
            new Template("lstm_sequences", Templates::stackedLstm,
                    settings("categorical_crossentropy", "rmsprop", "accuracy", 10, 64, 0.1), dataset("synthetic_sequences", null)),
            new Template("boston_housing", Templates::bostonHousing,
                    settings("mse", "rmsprop", "mae", 80, 16, 0.2), dataset("boston_housing", null),
                    // The book's final model (all the training data, no validation) is "still off by about $2,550"
                    // (test MAE 2.55); the band leaves room for the seed.
                    published("mae", 2.5, 2.9, "Deep Learning with Python §3.6", "boston_housing",
                            tutorial(80, 16, "rmsprop", "0.001", "mse", "0"))),
            // IMDB and Reuters as the book's final runs: 4 (9) epochs on the whole training set.
            new Template("imdb", Templates::imdb,
                    settings("binary_crossentropy", "rmsprop", "accuracy", 4, 512, 0.0), dataset("imdb", "multi_hot"),
                    // "This fairly naive approach achieves an accuracy of 88%" (the book prints 0.8833).
                    published("accuracy", 0.875, 0.895, "Deep Learning with Python §3.4", "imdb",
                            tutorial(4, 512, "rmsprop", "0.001", "binary_crossentropy", "0"))),
            new Template("reuters", Templates::reuters,
                    settings("categorical_crossentropy", "rmsprop", "accuracy", 9, 512, 0.0), dataset("reuters", "multi_hot"),
                    // "This approach reaches an accuracy of ~80%" (0.78–0.80 in the book's editions). Our Reuters split
                    // is made from the original data (docs/datasets.md), so a run here may land above it.
                    published("accuracy", 0.77, 0.80, "Deep Learning with Python §3.5", "reuters",
                            tutorial(9, 512, "rmsprop", "0.001", "categorical_crossentropy", "0"))),
            new Template("logistic_regression", Templates::logistic,
                    settings("binary_crossentropy", "sgd", "accuracy", 20, 32, 0.0), dataset("synthetic_logistic", null)),
            new Template("linear_regression", Templates::linear,
                    settings("mse", "sgd", "mae", 50, 16, 0.0), dataset("synthetic_linear", null)),
            new Template("functional_branches", Templates::branches,
                    settings("categorical_crossentropy", "adam", "accuracy", 10, 32, 0.1), dataset("synthetic_classes", null)),
            // Reviews as word indices (the first 100 of each, the 10,000 most frequent words), read by a GRU; Keras's
            // imdb_lstm example reads 80.
            new Template("imdb_gru", Templates::imdbGru,
                    settings("binary_crossentropy", "rmsprop", "accuracy", 3, 128, 0.2),
                    new DatasetChoice("imdb", Map.of("layout", "token_indices", "sequence_length", "100",
                            "vocabulary_size", "10000"))),
            // A convnet of the later Keras examples: pixels rescaled in the model, separable convolutions with
            // LeakyReLU, whole feature maps dropped.
            new Template("mnist_separable_cnn", Templates::mnistSeparableCnn,
                    settings("categorical_crossentropy", "adam", "accuracy", 3, 128, 0.1),
                    new DatasetChoice("mnist", Map.of("layout", "image", "scale_pixels", "false"))),
            // Keras's convolutional autoencoder: digits squeezed to 7x7x8 and drawn again, trained with fit(x, x)
            // (target: inputs); one decoder step learnt (Conv2DTranspose), one fixed (UpSampling2D).
            new Template("mnist_conv_autoencoder", Templates::mnistConvAutoencoder,
                    settings("binary_crossentropy", "adam", "mae", 3, 128, 0.1),
                    new DatasetChoice("mnist", Map.of("layout", "image", "target", "inputs"))));

    /** Every template, in menu order. */
    public List<Template> all() {
        return all;
    }

    public Optional<Template> find(String id) {
        return all.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static TrainingSettings settings(String loss, String optimizer, String metric, int epochs, int batch,
                                             double validationSplit) {
        return new TrainingSettings(loss, OptimizerSettings.defaults(optimizer), List.of(metric), epochs, batch,
                validationSplit, true, 42L, CallbackSettings.none());
    }

    private static PublishedResult published(String metric, double low, double high, String source, String datasetId,
                                             Map<String, String> settings) {
        return new PublishedResult(metric, low, high, source, datasetId, settings);
    }

    /** The tutorial's settings, in the order the verdict lists what differs. */
    private static Map<String, String> tutorial(int epochs, int batch, String optimizer, String learningRate,
                                                String loss, String validationSplit) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("epochs", Integer.toString(epochs));
        s.put("batch_size", Integer.toString(batch));
        s.put("optimizer", optimizer);
        s.put("learning_rate", learningRate);
        s.put("loss", loss);
        s.put("validation_split", validationSplit);
        return s;
    }

    private static DatasetChoice dataset(String id, String layout) {
        return new DatasetChoice(id, layout == null ? Map.of() : Map.of("layout", layout));
    }

    static ModelGraph mnistMlp() {
        return chain(List.of(784), dense(512, "relu"), dense(10, "softmax"));
    }

    static ModelGraph quickStart() {
        return chain(List.of(100), dense(64, "relu"), dense(10, "softmax"));
    }

    static ModelGraph mnistCnn() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Conv2D", Map.of("filters", 32, "kernel_size", List.of(3, 3), "activation", "relu"));
        b.then("Conv2D", Map.of("filters", 64, "kernel_size", List.of(3, 3), "activation", "relu"));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        b.then("Dropout", Map.of("rate", 0.25));
        b.then("Flatten", Map.of());
        b.then("Dense", dense(128, "relu"));
        b.then("Dropout", Map.of("rate", 0.5));
        b.then("Dense", dense(10, "softmax"));
        return b.graph();
    }

    static ModelGraph stackedLstm() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(8, 16)));
        b.then("LSTM", Map.of("units", 32, "return_sequences", true));
        b.then("LSTM", Map.of("units", 32, "return_sequences", true));
        b.then("LSTM", Map.of("units", 32));
        b.then("Dense", dense(10, "softmax"));
        return b.graph();
    }

    static ModelGraph bostonHousing() {
        return chain(List.of(13), dense(64, "relu"), dense(64, "relu"), dense(1, "linear"));
    }

    static ModelGraph imdb() {
        return chain(List.of(10000), dense(16, "relu"), dense(16, "relu"), dense(1, "sigmoid"));
    }

    static ModelGraph imdbGru() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(100)));
        b.then("Embedding", Map.of("input_dim", 10000, "output_dim", 32));
        b.then("GRU", Map.of("units", 32));
        b.then("Dense", dense(1, "sigmoid"));
        return b.graph();
    }

    static ModelGraph mnistSeparableCnn() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Rescaling", Map.of("scale", 1.0 / 255));
        b.then("Conv2D", Map.of("filters", 32, "kernel_size", List.of(3, 3)));
        b.then("LeakyReLU", Map.of("negative_slope", 0.1));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        b.then("SeparableConv2D", Map.of("filters", 64, "kernel_size", List.of(3, 3)));
        b.then("LeakyReLU", Map.of("negative_slope", 0.1));
        b.then("SpatialDropout2D", Map.of("rate", 0.2));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        b.then("GlobalAveragePooling2D", Map.of());
        b.then("Dense", dense(10, "softmax"));
        return b.graph();
    }

    static ModelGraph mnistConvAutoencoder() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Conv2D", Map.of("filters", 16, "kernel_size", List.of(3, 3), "activation", "relu", "padding", "same"));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        b.then("Conv2D", Map.of("filters", 8, "kernel_size", List.of(3, 3), "activation", "relu", "padding", "same"));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        b.then("Conv2DTranspose", Map.of("filters", 8, "kernel_size", List.of(3, 3), "strides", List.of(2, 2),
                "activation", "relu", "padding", "same"));
        b.then("UpSampling2D", Map.of("size", List.of(2, 2)));
        b.then("Conv2D", Map.of("filters", 1, "kernel_size", List.of(3, 3), "activation", "sigmoid", "padding", "same"));
        return b.graph();
    }

    static ModelGraph reuters() {
        return chain(List.of(10000), dense(64, "relu"), dense(64, "relu"), dense(46, "softmax"));
    }

    static ModelGraph logistic() {
        return chain(List.of(20), dense(1, "sigmoid"));
    }

    static ModelGraph linear() {
        return chain(List.of(1), dense(1, "linear"));
    }

    /** Two branches from one input, joined by Concatenate: the functional API's first lesson. */
    static ModelGraph branches() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(32)));
        String left = b.add("Dense", dense(64, "relu"), in);
        String right = b.add("Dense", dense(32, "tanh"), in);
        String merged = b.add("Concatenate", Map.of(), left, right);
        String out = b.add("Dense", dense(10, "softmax"), merged);
        ModelGraph g = b.graph();
        // Side by side, so the two branches read as branches before any auto-layout.
        place(g, in, 160, 0);
        place(g, left, 0, 120);
        place(g, right, 320, 120);
        place(g, merged, 160, 240);
        place(g, out, 160, 360);
        return g;
    }

    private static void place(ModelGraph graph, String id, double x, double y) {
        graph.replaceNode(graph.node(id).withPosition(x, y));
    }

    @SafeVarargs
    private static ModelGraph chain(List<Integer> inputShape, Map<String, ?>... denseLayers) {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", inputShape));
        for (Map<String, ?> p : denseLayers) {
            b.then("Dense", p);
        }
        return b.graph();
    }

    private static Map<String, Object> dense(int units, String activation) {
        return Map.of("units", units, "activation", activation);
    }
}
