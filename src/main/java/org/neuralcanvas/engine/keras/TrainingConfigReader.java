package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.Losses;
import org.neuralcanvas.project.OptimizerKind;
import org.neuralcanvas.project.OptimizerParam;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Optimizers;
import org.neuralcanvas.project.TrainingSettings;

/** Our training settings from a Keras file's {@code training_config} (loss, optimizer, metrics), where it has one. */
final class TrainingConfigReader {

    private TrainingConfigReader() {
    }

    /**
     * For a file saved without {@code compile} (no training_config): the loss Keras users pair
     * with the model's last activation — sigmoid: binary_crossentropy, softmax:
     * categorical_crossentropy, anything else: mse with mae.
     */
    static TrainingSettings forOutputOf(ModelGraph graph) {
        TrainingSettings settings = TrainingSettings.defaults();
        List<LayerNode> outputs = graph.nodes().stream()
                .filter(n -> graph.outgoing(n.id()).isEmpty() && !n.kind().isInput()).toList();
        if (outputs.size() != 1) {
            return settings;
        }
        LayerNode last = outputs.get(0);
        Object activation = last.params().get("activation");
        if ("Softmax".equals(last.kind().kerasName()) || "softmax".equals(activation)) {
            return settings;
        }
        if ("sigmoid".equals(activation)) {
            return settings.withLoss("binary_crossentropy");
        }
        return settings.withLoss("mse").withMetrics(List.of("mae"));
    }

    static TrainingSettings read(String json) {
        TrainingSettings settings = TrainingSettings.defaults();
        if (json == null) {
            return settings;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            JsonNode loss = root.path("loss");
            if (loss.isObject()) {
                // Keras 3: {"class_name": "CategoricalCrossentropy", "config": {"name": "categorical_crossentropy"}}
                loss = loss.path("config").has("name") ? loss.path("config").path("name") : loss.path("class_name");
            }
            if (loss.isTextual()) {
                java.util.Optional<org.neuralcanvas.project.LossKind> kind = Losses.find(loss.asText());
                if (kind.isPresent()) {
                    settings = settings.withLoss(kind.get().name());
                }
            }
            // Keras 1/2 write optimizer_config; Keras 3's compile_config has optimizer, an object or a name.
            JsonNode optimizer = root.has("optimizer_config") ? root.path("optimizer_config") : root.path("optimizer");
            String opt = (optimizer.isTextual() ? optimizer.asText() : optimizer.path("class_name").asText(""))
                    .toLowerCase(Locale.ROOT);
            java.util.Optional<OptimizerKind> kind = Optimizers.find(opt);
            if (kind.isPresent()) {
                settings = settings.withOptimizer(optimizer(kind.get(), optimizer.path("config")));
            }
            List<String> metrics = new ArrayList<>();
            collectMetrics(root.path("metrics"), metrics);
            if (root.has("metrics")) {
                settings = settings.withMetrics(metrics);
            }
        } catch (Exception e) {
            // A training_config we cannot read leaves the defaults: the architecture is what matters.
        }
        return settings;
    }

    /** Each declared argument of the optimizer under its Keras name or an alias; a missing one keeps its default. */
    private static OptimizerSettings optimizer(OptimizerKind kind, JsonNode cfg) {
        OptimizerSettings o = kind.defaults();
        for (OptimizerParam p : kind.params()) {
            for (String name : p.kerasNames()) {
                JsonNode v = cfg.path(name);
                if (p.isFlag() && v.isBoolean()) {
                    o = o.with(p.name(), v.asBoolean());
                } else if (!p.isFlag() && v.isNumber()) {
                    o = o.with(p.name(), asStored(v.asDouble()));
                } else if (p.name().equals("learning_rate") && v.path("class_name").asText("").equals("InverseTimeDecay")
                        && v.path("config").path("decay_steps").asDouble(0) == 1) {
                    // What our writer makes of Keras 2's decay (Keras 3 has no decay argument).
                    o = o.with("learning_rate", asStored(v.path("config").path("initial_learning_rate").asDouble()))
                            .with("decay", asStored(v.path("config").path("decay_rate").asDouble()));
                } else {
                    continue;
                }
                break;
            }
        }
        return o;
    }

    /**
     * A float32 value as Keras meant it: files store 0.001 as 0.0010000000474974513, which reads as a
     * different number; the shortest decimal that is the same float32 is what the user typed.
     */
    static double asStored(double value) {
        return Double.parseDouble(Float.toString((float) value));
    }

    /** Keras 2.2 writes {@code ["acc"]}; TF 2.x {@code [[{"class_name": "MeanMetricWrapper", "config": {"name": "accuracy"}}]]}. */
    private static void collectMetrics(JsonNode node, List<String> metrics) {
        if (node.isArray()) {
            node.forEach(m -> collectMetrics(m, metrics));
            return;
        }
        String name = node.isObject() ? node.path("config").path("name").asText("") : node.asText("");
        name = name.equals("acc") ? "accuracy" : name;
        if (TrainingSettings.METRICS.contains(name) && !metrics.contains(name)) {
            metrics.add(name);
        }
    }
}
