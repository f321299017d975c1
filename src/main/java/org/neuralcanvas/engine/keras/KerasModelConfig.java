package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;

/**
 * Reads the {@code model_config} JSON that Keras's {@code model.save} stores: Sequential
 * (Keras 1's and old Keras 2's list of layers, or newer Keras 2's {@code {"layers": [...]}}) and
 * functional models (class {@code Model}, {@code Functional}; Keras 2's nested-list
 * {@code inbound_nodes} and Keras 3's {@code keras_history} form). Only reads data: nothing in
 * the file is run.
 *
 * @param sequential whether the model is a Sequential stack
 * @param name       the model's name
 * @param layers     the layers in file order, each with its input layer names
 */
public record KerasModelConfig(boolean sequential, String name, List<KerasLayerConfig> layers) {

    private static final Sentences SAY = EngineSentences.SAY;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static KerasModelConfig parse(String json) throws KerasImportException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new KerasImportException(SAY.say("keras.configNotJson"));
        }
        if (root == null || !root.isObject()) {
            throw new KerasImportException(SAY.say("keras.configEmpty"));
        }
        String cls = root.path("class_name").asText("");
        JsonNode config = root.path("config");
        return switch (cls) {
            case "Sequential" -> sequential(config);
            case "Model", "Functional" -> functional(config);
            default -> throw new KerasImportException(SAY.say("keras.modelClass", cls));
        };
    }

    private static KerasModelConfig sequential(JsonNode config) {
        JsonNode layers = config.isArray() ? config : config.path("layers");
        String name = config.path("name").asText("sequential");
        List<KerasLayerConfig> list = new ArrayList<>();
        String previous = null;
        for (JsonNode layer : layers) {
            String cls = layer.path("class_name").asText("");
            JsonNode cfg = layer.path("config");
            String layerName = cfg.path("name").asText(layer.path("name").asText(cls.toLowerCase()));
            List<String> inbound = previous == null ? List.of() : List.of(previous);
            list.add(new KerasLayerConfig(layerName, cls, cfg, inbound, 1));
            previous = layerName;
        }
        return new KerasModelConfig(true, name, list);
    }

    private static KerasModelConfig functional(JsonNode config) {
        List<KerasLayerConfig> list = new ArrayList<>();
        for (JsonNode layer : config.path("layers")) {
            String cls = layer.path("class_name").asText("");
            String layerName = layer.path("name").asText(layer.path("config").path("name").asText(cls));
            JsonNode nodes = layer.path("inbound_nodes");
            List<String> inbound = nodes.size() > 0 ? inboundOf(nodes.get(0)) : List.of();
            list.add(new KerasLayerConfig(layerName, cls, layer.path("config"), inbound, Math.max(nodes.size(), 1)));
        }
        return new KerasModelConfig(false, config.path("name").asText("model"), list);
    }

    /**
     * The layer names one call reads: Keras 2 {@code [["dense", 0, 0, {}], ...]}, Keras 3 {@code {"args":
     * [...keras_history...]}}, then the tensors passed by keyword ({@code mha(q, value=v)}: Keras 2 keeps them in
     * the entry's last element, Keras 3 in {@code kwargs}). A name read twice ({@code mha(x, x)}) counts once.
     */
    private static List<String> inboundOf(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isArray()) {
            for (JsonNode entry : node) {
                if (entry.isArray() && entry.size() > 0 && entry.get(0).isTextual()) {
                    names.add(entry.get(0).asText());
                }
            }
            for (JsonNode entry : node) {
                if (entry.isArray() && entry.size() > 3 && entry.get(3).isObject()) {
                    for (String keyword : List.of("value", "key")) {
                        JsonNode t = entry.get(3).path(keyword);
                        if (t.isArray() && t.size() > 0 && t.get(0).isTextual()) {
                            names.add(t.get(0).asText());
                        }
                    }
                }
            }
        } else if (node.isObject()) {
            collectHistory(node.path("args"), names);
            for (String keyword : List.of("value", "key")) {
                collectHistory(node.path("kwargs").path(keyword), names);
            }
        }
        return new ArrayList<>(names);
    }

    private static void collectHistory(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode history = node.path("config").path("keras_history");
            if (history.isArray() && history.size() > 0) {
                names.add(history.get(0).asText());
                return;
            }
            node.forEach(child -> collectHistory(child, names));
        } else if (node.isArray()) {
            node.forEach(child -> collectHistory(child, names));
        }
    }
}
