package org.neuralcanvas.export.keras;

import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.project.DatasetChoice;

/**
 * The data-loading part of an exported script: {@code keras.datasets} where one matches the
 * project's dataset, prepared as the Keras tutorials do (scale images to [0, 1] in the model's
 * input shape, one-hot labels for categorical cross-entropy, multi-hot word vectors or padded
 * sequences for text, standardised features for regression), else random data of the model's
 * shapes so the script still runs.
 */
public final class KerasDatasetCode {

    /** The lines, and whether they define {@code x_test}/{@code y_test}. */
    public record DataCode(List<String> lines, boolean hasTest) {
    }

    private static final int SYNTHETIC_SAMPLES = 256;

    private KerasDatasetCode() {
    }

    public static DataCode of(DatasetChoice dataset, ModelGraph graph, List<LayerNode> inputs, List<TensorShape> inputShapes,
                       List<TensorShape> outputShapes, String loss) {
        String id = dataset.datasetId();
        boolean single = inputs.size() == 1 && outputShapes.size() == 1 && inputShapes.get(0) != null;
        if (single) {
            TensorShape in = inputShapes.get(0);
            TensorShape out = outputShapes.get(0);
            LayerNode embedding = embeddingAfter(graph, inputs.get(0));
            switch (id) {
                case "mnist", "fashion_mnist" -> {
                    return images(id, in, loss);
                }
                case "boston_housing" -> {
                    return regression();
                }
                case "imdb", "reuters" -> {
                    return text(id, in, embedding, loss, out);
                }
                default -> {
                    // fall through to random data
                }
            }
        }
        return synthetic(dataset, graph, inputs, inputShapes, outputShapes, loss);
    }

    private static DataCode images(String id, TensorShape in, String loss) {
        List<String> l = new ArrayList<>();
        l.add("(x_train, y_train), (x_test, y_test) = keras.datasets." + id + ".load_data()");
        l.add("# Pixels as floats in [0, 1], in the shape the model's Input expects.");
        String shape = PythonSyntax.literal(prepend(-1, in));
        l.add("x_train = x_train.reshape(" + shape + ").astype('float32') / 255");
        l.add("x_test = x_test.reshape(" + shape + ").astype('float32') / 255");
        labels(l, loss, 10);
        return new DataCode(l, true);
    }

    private static DataCode regression() {
        List<String> l = new ArrayList<>();
        l.add("(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()");
        l.add("# Standardise each feature with the training data's mean and standard deviation.");
        l.add("mean = x_train.mean(axis=0)");
        l.add("std = x_train.std(axis=0)");
        l.add("x_train = (x_train - mean) / std");
        l.add("x_test = (x_test - mean) / std");
        return new DataCode(l, true);
    }

    private static DataCode text(String id, TensorShape in, LayerNode embedding, String loss, TensorShape out) {
        List<String> l = new ArrayList<>();
        if (embedding != null) {
            int words = embedding.params().getInt("input_dim");
            l.add("(x_train, y_train), (x_test, y_test) = keras.datasets." + id + ".load_data(num_words=" + words + ")");
            l.add("# Word indices, cut or padded to the Input's length.");
            l.add("x_train = keras.utils.pad_sequences(x_train, maxlen=" + in.dim(0) + ")");
            l.add("x_test = keras.utils.pad_sequences(x_test, maxlen=" + in.dim(0) + ")");
        } else {
            int words = in.last();
            l.add("(x_train, y_train), (x_test, y_test) = keras.datasets." + id + ".load_data(num_words=" + words + ")");
            l.add("");
            l.add("");
            l.add("def multi_hot(sequences, dimension=" + words + "):");
            l.add("    \"\"\"One row per review, with a 1.0 at the index of every word it contains.\"\"\"");
            l.add("    results = np.zeros((len(sequences), dimension), dtype='float32')");
            l.add("    for i, sequence in enumerate(sequences):");
            l.add("        results[i, sequence] = 1.0");
            l.add("    return results");
            l.add("");
            l.add("");
            l.add("x_train = multi_hot(x_train)");
            l.add("x_test = multi_hot(x_test)");
        }
        if ("imdb".equals(id)) {
            l.add("y_train = np.asarray(y_train).astype('float32')");
            l.add("y_test = np.asarray(y_test).astype('float32')");
        } else {
            labels(l, loss, 46);
        }
        return new DataCode(l, true);
    }

    private static void labels(List<String> l, String loss, int classes) {
        if ("categorical_crossentropy".equals(loss)) {
            l.add("y_train = keras.utils.to_categorical(y_train, " + classes + ")");
            l.add("y_test = keras.utils.to_categorical(y_test, " + classes + ")");
        }
    }

    private static DataCode synthetic(DatasetChoice dataset, ModelGraph graph, List<LayerNode> inputs,
                                      List<TensorShape> inputShapes, List<TensorShape> outputShapes, String loss) {
        List<String> l = new ArrayList<>();
        l.add(dataset.isChosen()
                ? "# keras.datasets has no '" + dataset.datasetId() + "': random data of the model's shapes stands in."
                : "# The project has no dataset: random data of the model's shapes stands in. Load your own here.");
        l.add("rng = np.random.default_rng(0)");
        List<String> xs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TensorShape shape = inputShapes.get(i);
            if (shape == null) {
                continue;
            }
            LayerNode embedding = embeddingAfter(graph, inputs.get(i));
            String size = PythonSyntax.literal(prepend(SYNTHETIC_SAMPLES, shape));
            xs.add(embedding != null
                    ? "rng.integers(0, " + embedding.params().getInt("input_dim") + ", " + size + ")"
                    : "rng.random(" + size + ").astype('float32')");
        }
        List<String> ys = new ArrayList<>();
        for (TensorShape out : outputShapes) {
            if (out != null) {
                ys.add(labelsFor(out, loss));
            }
        }
        l.add("x_train = " + oneOrList(xs));
        l.add("y_train = " + oneOrList(ys));
        return new DataCode(l, false);
    }

    private static String labelsFor(TensorShape out, String loss) {
        String size = PythonSyntax.literal(prepend(SYNTHETIC_SAMPLES, out));
        return switch (loss) {
            case "categorical_crossentropy" -> "keras.utils.to_categorical(rng.integers(0, " + out.last() + ", "
                    + SYNTHETIC_SAMPLES + "), " + out.last() + ")";
            case "sparse_categorical_crossentropy" -> "rng.integers(0, " + out.last() + ", " + SYNTHETIC_SAMPLES + ")";
            case "binary_crossentropy", "hinge", "squared_hinge" -> "rng.integers(0, 2, " + size + ").astype('float32')";
            default -> "rng.random(" + size + ").astype('float32')";
        };
    }

    private static String oneOrList(List<String> items) {
        return items.size() == 1 ? items.get(0) : "[" + String.join(", ", items) + "]";
    }

    private static LayerNode embeddingAfter(ModelGraph graph, LayerNode input) {
        return graph.outgoing(input.id()).stream().map(e -> graph.node(e.to()))
                .filter(n -> n.kind().kerasName().equals("Embedding")).findFirst().orElse(null);
    }

    private static List<Integer> prepend(int first, TensorShape shape) {
        List<Integer> dims = new ArrayList<>();
        dims.add(first);
        dims.addAll(shape.asList());
        return dims;
    }
}
