package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.TimeDistribution;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.AtomicFiles;
import org.neuralcanvas.project.Project;

/**
 * Writes a trained model as Keras files, so that Keras 3's {@code keras.models.load_model} opens it:
 * {@code .keras} (a zip of {@code metadata.json}, {@code config.json} and {@code model.weights.h5},
 * whose weights lie under {@code layers/<snake_case class>/vars/<i>} as Keras 3's saving_lib keeps
 * them) or {@code .h5} in Keras's legacy layout ({@code model_config}/{@code training_config}
 * attributes, {@code model_weights/<layer>} with {@code weight_names}). Each file is written to a
 * temporary file first and moved into place whole, so a failed export leaves no half a file.
 */
public final class KerasModelWriter {

    /** The Keras version whose file layout these files follow. */
    static final String KERAS_VERSION = "3.10.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasModelWriter() {
    }

    /** Writes {@code .keras} or {@code .h5}, by the target's extension. */
    public static void write(TrainedModel model, Project project, String modelName, Path target) throws IOException {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".keras")) {
            writeKeras(model, project, modelName, target);
        } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            writeH5(model, project, modelName, target);
        } else {
            throw new IOException("the file must end in .keras or .h5");
        }
    }

    private static void writeKeras(TrainedModel model, Project project, String modelName, Path target)
            throws IOException {
        InferenceResult inference = ShapeInference.infer(project.graph());
        ObjectNode config = KerasConfigWriter.model(project.graph(), inference, modelName, project.settings());
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("keras_version", KERAS_VERSION);
        metadata.put("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
        Path weights = Files.createTempFile("neuralcanvas-", ".weights.h5");
        try {
            try (WritableHdfFile h5 = HdfFile.write(weights)) {
                WritableGroup layers = h5.putGroup("layers");
                Map<String, Integer> used = new HashMap<>();
                for (LayerNode node : modelLayers(inference, config)) {
                    String snake = Keras3Weights.snakeCase(KerasConfigWriter.kerasClass(node));
                    int seen = used.merge(snake, 1, Integer::sum) - 1;
                    WritableGroup group = layers.putGroup(seen == 0 ? snake : snake + "_" + seen);
                    // A TimeDistributed wrapper keeps its layer's arrays under layer/, and has (empty) vars of its own.
                    if (TimeDistribution.isOn(node.params())) {
                        group.putGroup("vars");
                        writeKeras3Vars(group.putGroup("layer"), kerasArrays(model, node));
                    } else {
                        writeKeras3Vars(group, kerasArrays(model, node));
                    }
                }
                // Keras also writes the model's own (empty) vars and the optimizer's at the root; it reads a missing
                // group as empty (the optimizer starts afresh, as ours does), and jHDF 0.9.4 writes a damaged root
                // group with a third child.
            }
            byte[] weightBytes = Files.readAllBytes(weights);
            AtomicFiles.write(target, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                put(zip, "metadata.json", JSON.writeValueAsBytes(metadata));
                put(zip, "config.json", JSON.writeValueAsBytes(config));
                put(zip, "model.weights.h5", weightBytes);
                zip.finish();
            });
        } finally {
            Files.deleteIfExists(weights);
        }
    }

    /**
     * A layer's arrays in Keras 3's tree: its own under {@code vars}, a recurrent cell's under {@code cell/vars},
     * a Bidirectional's under {@code forward_layer/cell/vars} and {@code backward_layer/cell/vars}.
     */
    /** MultiHeadAttention's projections, by the Keras 2 names of their arrays, as Keras 3 names its sub-layers. */
    private static final Map<String, String> KERAS3_SUBLAYER = Map.of("query", "_query_dense", "key", "_key_dense",
            "value", "_value_dense", "attention_output", "_output_dense");

    private static void writeKeras3Vars(WritableGroup layer, List<KerasArray> arrays) {
        VarsTree tree = new VarsTree(layer);
        Map<String, Integer> counts = new HashMap<>();
        for (KerasArray a : arrays) {
            String half = a.name().startsWith("forward_") ? "forward_layer" : a.name().startsWith("backward_")
                    ? "backward_layer" : "";
            String path = a.name().contains("_cell/") ? (half.isEmpty() ? "cell" : half + "/cell")
                    : a.name().contains("/") ? KERAS3_SUBLAYER.getOrDefault(a.name().substring(0, a.name().indexOf('/')), half)
                    : half;
            int index = counts.merge(path, 1, Integer::sum) - 1;
            tree.varsOf(path).putDataset(String.valueOf(index), nested(a));
        }
    }

    /** A layer's sub-object groups ({@code cell}, {@code forward_layer/cell}), each with its {@code vars}, made once. */
    private static final class VarsTree {
        private final Map<String, WritableGroup> groups = new HashMap<>();
        private final Map<String, WritableGroup> vars = new HashMap<>();

        VarsTree(WritableGroup layer) {
            groups.put("", layer);
            vars.put("", layer.putGroup("vars"));
        }

        WritableGroup varsOf(String path) {
            if (!vars.containsKey(path)) {
                int slash = path.lastIndexOf('/');
                String parent = slash < 0 ? "" : path.substring(0, slash);
                varsOf(parent);
                WritableGroup group = groups.get(parent).putGroup(path.substring(slash + 1));
                groups.put(path, group);
                vars.put(path, group.putGroup("vars"));
            }
            return vars.get(path);
        }
    }

    private static void writeH5(TrainedModel model, Project project, String modelName, Path target)
            throws IOException {
        InferenceResult inference = ShapeInference.infer(project.graph());
        ObjectNode config = KerasConfigWriter.model(project.graph(), inference, modelName, project.settings());
        String training = JSON.writeValueAsString(config.remove("compile_config"));
        Path temp = Files.createTempFile("neuralcanvas-", ".h5");
        try {
            try (WritableHdfFile h5 = HdfFile.write(temp)) {
                h5.putAttribute("keras_version", KERAS_VERSION);
                h5.putAttribute("backend", "tensorflow");
                h5.putAttribute("model_config", JSON.writeValueAsString(config));
                h5.putAttribute("training_config", training);
                WritableGroup weights = h5.putGroup("model_weights");
                List<LayerNode> layers = modelLayers(inference, config);
                weights.putAttribute("layer_names", layers.stream().map(LayerNode::name).toArray(String[]::new));
                weights.putAttribute("backend", "tensorflow");
                weights.putAttribute("keras_version", KERAS_VERSION);
                // Keras writes the layer groups sorted by name, so that no name is a prefix of one written before it.
                List<LayerNode> sorted = new ArrayList<>(layers);
                sorted.sort(Comparator.comparing(LayerNode::name));
                for (LayerNode node : sorted) {
                    WritableGroup group = weights.putGroup(node.name());
                    List<KerasArray> arrays = kerasArrays(model, node);
                    if (arrays.isEmpty()) {
                        continue; // Keras reads a missing weight_names as none
                    }
                    List<String> names = new ArrayList<>();
                    Map<String, WritableGroup> groups = new HashMap<>();
                    WritableGroup top = group.putGroup(node.name());
                    for (KerasArray a : arrays) {
                        names.add(node.name() + "/" + a.name());
                        WritableGroup g = top;
                        String[] parts = a.name().split("/");
                        StringBuilder path = new StringBuilder();
                        for (int i = 0; i < parts.length - 1; i++) {
                            path.append('/').append(parts[i]);
                            WritableGroup parent = g;
                            String part = parts[i];
                            g = groups.computeIfAbsent(path.toString(), p -> parent.putGroup(part));
                        }
                        g.putDataset(parts[parts.length - 1], nested(a));
                    }
                    group.putAttribute("weight_names", names.toArray(String[]::new));
                }
                weights.putGroup("top_level_model_weights");
            }
            byte[] bytes = Files.readAllBytes(temp);
            AtomicFiles.write(target, out -> out.write(bytes));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@code model.layers}: a Sequential's without its InputLayer, a Functional's with its Inputs. */
    private static List<LayerNode> modelLayers(InferenceResult inference, ObjectNode config) {
        boolean sequential = "Sequential".equals(config.path("class_name").asText());
        return inference.order().stream().map(NodeResult::node).filter(n -> !sequential || !n.kind().isInput())
                .toList();
    }


    private static List<KerasArray> kerasArrays(TrainedModel model, LayerNode node) {
        Map<String, INDArray> params = org.neuralcanvas.engine.compile.NodeParams.of(model.network(), node.name());
        if (params.isEmpty()) {
            return List.of();
        }
        GraphVertex v = model.network().getVertex(node.name());
        return KerasWeightLayouts.toKeras(node, params, v.hasLayer() ? v.getLayer().conf().getLayer() : null);
    }

    /** A Java array of the array's rank (float[][] for a kernel), as jHDF writes a dataset of that shape. */
    private static Object nested(KerasArray a) {
        int[] dims = new int[a.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) a.dim(i);
        }
        if (dims.length == 1) {
            return a.values().clone();
        }
        Object out = Array.newInstance(float.class, dims);
        fill(out, a.values(), dims, 0, 0);
        return out;
    }

    private static int fill(Object array, float[] values, int[] dims, int axis, int offset) {
        if (axis == dims.length - 1) {
            System.arraycopy(values, offset, array, 0, dims[axis]);
            return offset + dims[axis];
        }
        for (int i = 0; i < dims[axis]; i++) {
            offset = fill(Array.get(array, i), values, dims, axis + 1, offset);
        }
        return offset;
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

}
