package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One layer of a Keras {@code model_config}, as the file says it: its name, Keras class, raw
 * config and the names of the layers that feed it (in input order).
 *
 * @param calls how many times the model calls the layer; more than one is a shared layer
 */
public record KerasLayerConfig(String name, String className, JsonNode config, List<String> inbound, int calls) {

    public KerasLayerConfig {
        inbound = List.copyOf(inbound);
    }
}
