package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.domain.layer.TimeDistribution;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.project.OptimizerParam;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;

/**
 * Our graph as Keras 3 serialises a model ({@code config.json} of a {@code .keras} file, the
 * {@code model_config} of a Keras 3 {@code .h5}): a {@code Sequential} for a chain, else a
 * {@code Functional} with {@code keras_history} inbound nodes; every layer as
 * {@code {"module": "keras.layers", "class_name", "config", "registered_name"}} with its Keras
 * arguments (our parameters carry Keras's names), and the training settings as
 * {@code compile_config}. The reverse of what {@link KerasModelConfig} and {@link KerasLayerMapper} read.
 */
final class KerasConfigWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasConfigWriter() {
    }

    /** The model's config object, with {@code compile_config} when {@code settings} is given. */
    static ObjectNode model(ModelGraph graph, InferenceResult inference, String name, TrainingSettings settings) {
        List<LayerNode> order = inference.order().stream().map(NodeResult::node).toList();
        boolean chain = graph.isChain(order) && order.stream().noneMatch(n -> n.kind().takesQueryAndValue());
        ObjectNode root = JSON.createObjectNode();
        root.put("module", chain ? "keras" : "keras.src.models.functional");
        root.put("class_name", chain ? "Sequential" : "Functional");
        ObjectNode config = root.putObject("config");
        config.put("name", name);
        config.put("trainable", true);
        config.put("dtype", "float32");
        ArrayNode layers = config.putArray("layers");
        for (LayerNode node : order) {
            NodeResult r = inference.node(node.id()).orElseThrow();
            ObjectNode layer = layer(node, r);
            if (!chain) {
                layer.put("name", node.name());
                layer.set("inbound_nodes", inbound(graph, node, inference));
            }
            layers.add(layer);
        }
        if (!chain) {
            config.set("input_layers", ends(order.stream().filter(n -> n.kind().isInput()).toList()));
            config.set("output_layers", ends(order.stream()
                    .filter(n -> !n.kind().isInput() && graph.outgoing(n.id()).isEmpty()).toList()));
        }
        root.putNull("registered_name");
        if (chain && !order.isEmpty()) {
            root.putObject("build_config").set("input_shape", batchShape(inference.node(order.get(0).id())
                    .orElseThrow().outputShape()));
        }
        if (settings != null) {
            root.set("compile_config", compile(settings));
        }
        return root;
    }

    private static ObjectNode layer(LayerNode node, NodeResult r) {
        ObjectNode layer = JSON.createObjectNode();
        layer.put("module", "keras.layers");
        ObjectNode config = JSON.createObjectNode();
        String kind = node.kind().kerasName();
        if (node.kind().isInput()) {
            layer.put("class_name", "InputLayer");
            config.set("batch_shape", batchShape(r.outputShape()));
            config.put("dtype", "float32");
            config.put("sparse", false);
            config.put("name", node.name());
        } else if (TimeDistribution.isOn(node.params())) {
            layer.put("class_name", "TimeDistributed");
            config = timeDistributed(node);
        } else {
            layer.put("class_name", kind);
            config = config(node);
        }
        layer.set("config", config);
        layer.putNull("registered_name");
        if (!r.inputShapes().isEmpty() && !node.kind().isInput()) {
            JsonNode shapes = r.inputShapes().size() == 1 ? batchShape(r.inputShapes().get(0))
                    : JSON.valueToTree(r.inputShapes().stream().map(KerasConfigWriter::batchShape).toList());
            layer.putObject("build_config").set("input_shape", shapes);
        }
        return layer;
    }

    /** The Keras class a node is written as: InputLayer, TimeDistributed around a distributed layer, or its kind. */
    static String kerasClass(LayerNode node) {
        return node.kind().isInput() ? "InputLayer" : TimeDistribution.isOn(node.params()) ? "TimeDistributed"
                : node.kind().kerasName();
    }

    /** TimeDistributed(layer)'s {@code config}: the wrapper has the name, the layer inside it its arguments. */
    static ObjectNode timeDistributed(LayerNode node) {
        ObjectNode config = JSON.createObjectNode();
        config.put("name", node.name());
        config.put("trainable", true);
        config.put("dtype", "float32");
        ObjectNode inner = config.putObject("layer");
        inner.put("module", "keras.layers");
        inner.put("class_name", node.kind().kerasName());
        ObjectNode innerConfig = config(node);
        innerConfig.put("name", node.name() + "_step");
        inner.set("config", innerConfig);
        inner.putNull("registered_name");
        return config;
    }

    /** A (non-input) layer's {@code config}: its name and its Keras arguments. */
    static ObjectNode config(LayerNode node) {
        ObjectNode config = JSON.createObjectNode();
        config.put("name", node.name());
        config.put("trainable", true);
        config.put("dtype", "float32");
        arguments(node, false, config);
        if (node.kind().kerasName().equals("BatchNormalization")) {
            config.put("axis", -1);
        }
        if (node.kind().param(ParamKeys.LAYER.name()).isPresent()) {
            config.set("layer", wrapped(node));
        }
        return config;
    }

    /** The declared arguments of the layer itself, or of the layer it wraps; pairs written as pairs. */
    private static void arguments(LayerNode node, boolean wrapped, ObjectNode config) {
        for (ParamSpec spec : node.kind().params()) {
            Object value = node.params().get(spec.name());
            if (spec.keras().ofWrapped() != wrapped || !spec.isLayerArgument() || value == null) {
                continue;
            }
            if (spec.type() == org.neuralcanvas.domain.layer.ParamType.REGULARIZER && value instanceof String text) {
                org.neuralcanvas.domain.layer.Regularizer r = org.neuralcanvas.domain.layer.Regularizer.parse(text)
                        .orElseThrow();
                ObjectNode reg = config.putObject(spec.name());
                reg.put("module", "keras.regularizers");
                reg.put("class_name", r.kerasClass());
                ObjectNode rc = reg.putObject("config");
                if (r.l1() > 0) {
                    rc.put("l1", r.l1());
                }
                if (r.l2() > 0) {
                    rc.put("l2", r.l2());
                }
                reg.putNull("registered_name");
            } else if (spec.keras().inPairs() && value instanceof List<?> flat && flat.size() % 2 == 0) {
                ArrayNode pairs = config.putArray(spec.name());
                for (int i = 0; i < flat.size(); i += 2) {
                    pairs.addArray().add((Integer) flat.get(i)).add((Integer) flat.get(i + 1));
                }
            } else {
                config.set(spec.name(), JSON.valueToTree(value));
            }
        }
    }

    /** A wrapper's inner layer: the kind it names, with the wrapper's parameters that are that layer's. */
    private static ObjectNode wrapped(LayerNode node) {
        String inner = node.params().get(ParamKeys.LAYER);
        ObjectNode layer = JSON.createObjectNode();
        layer.put("module", "keras.layers");
        layer.put("class_name", inner);
        ObjectNode config = layer.putObject("config");
        config.put("name", "forward_" + Keras3Weights.snakeCase(inner));
        config.put("trainable", true);
        config.put("dtype", "float32");
        arguments(node, true, config);
        layer.putNull("registered_name");
        return layer;
    }

    /** Keras 3's {@code [{"args": [tensor or [tensors]], "kwargs": {}}]}, each tensor naming its layer. */
    private static ArrayNode inbound(ModelGraph graph, LayerNode node, InferenceResult inference) {
        ArrayNode nodes = JSON.createArrayNode();
        List<Edge> in = graph.incoming(node.id());
        if (in.isEmpty()) {
            return nodes;
        }
        ObjectNode call = nodes.addObject();
        ArrayNode args = call.putArray("args");
        if (node.kind().takesQueryAndValue()) {
            // mha(query, value[, key]): a lone query is the value too.
            in.forEach(e -> args.add(tensor(graph.node(e.from()), inference)));
            if (in.size() == 1) {
                args.add(tensor(graph.node(in.get(0).from()), inference));
            }
        } else if (in.size() == 1) {
            args.add(tensor(graph.node(in.get(0).from()), inference));
        } else {
            ArrayNode list = args.addArray();
            in.forEach(e -> list.add(tensor(graph.node(e.from()), inference)));
        }
        call.putObject("kwargs");
        return nodes;
    }

    private static ObjectNode tensor(LayerNode from, InferenceResult inference) {
        ObjectNode t = JSON.createObjectNode();
        t.put("class_name", "__keras_tensor__");
        ObjectNode c = t.putObject("config");
        c.set("shape", batchShape(inference.node(from.id()).orElseThrow().outputShape()));
        c.put("dtype", "float32");
        ArrayNode history = c.putArray("keras_history");
        history.add(from.name()).add(0).add(0);
        return t;
    }

    private static ArrayNode ends(List<LayerNode> nodes) {
        ArrayNode out = JSON.createArrayNode();
        nodes.forEach(n -> out.addArray().add(n.name()).add(0).add(0));
        return out;
    }

    private static ArrayNode batchShape(TensorShape shape) {
        ArrayNode a = JSON.createArrayNode();
        a.addNull();
        shape.asList().forEach(a::add);
        return a;
    }

    static ObjectNode compile(TrainingSettings settings) {
        ObjectNode c = JSON.createObjectNode();
        OptimizerSettings o = settings.optimizer();
        ObjectNode optimizer = c.putObject("optimizer");
        optimizer.put("module", "keras.optimizers");
        optimizer.put("class_name", o.kerasClassName());
        ObjectNode oc = optimizer.putObject("config");
        oc.put("name", o.name());
        if (o.decay() > 0) {
            // Keras 3 has no decay argument: the same lr / (1 + decay * step) is an InverseTimeDecay schedule.
            ObjectNode schedule = oc.putObject("learning_rate");
            schedule.put("module", "keras.optimizers.schedules");
            schedule.put("class_name", "InverseTimeDecay");
            ObjectNode sc = schedule.putObject("config");
            sc.put("initial_learning_rate", o.learningRate());
            sc.put("decay_steps", 1);
            sc.put("decay_rate", o.decay());
            sc.put("staircase", false);
            schedule.putNull("registered_name");
        } else {
            oc.put("learning_rate", o.learningRate());
        }
        for (OptimizerParam p : o.kind().params()) {
            Object value = o.value(p.name());
            if (p.name().equals("learning_rate") || p.name().equals("decay")) {
                continue;
            }
            if (p.name().startsWith("clip")) {
                // Keras writes None for no clipping; 0 is ours for the same.
                if (((Number) value).doubleValue() > 0) {
                    oc.put(p.name(), ((Number) value).doubleValue());
                } else {
                    oc.putNull(p.name());
                }
            } else if (value instanceof Boolean b) {
                oc.put(p.name(), b);
            } else {
                oc.put(p.name(), ((Number) value).doubleValue());
            }
        }
        optimizer.putNull("registered_name");
        c.put("loss", settings.loss());
        ArrayNode metrics = c.putArray("metrics");
        settings.metrics().forEach(metrics::add);
        c.putNull("loss_weights");
        c.putNull("weighted_metrics");
        c.put("run_eagerly", false);
        c.put("steps_per_execution", 1);
        c.put("jit_compile", false);
        return c;
    }

}
