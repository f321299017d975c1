package org.neuralcanvas.engine.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.graph.LayerNames;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;

/**
 * Builds our editable graph from a Keras model description, layer by layer, with
 * {@link ModelBuilder}. A layer we cannot represent is left out and reported by name and type;
 * the layers it fed are connected to its own input instead, so the rest of the model still
 * opens (and shape inference shows where the gap is).
 */
final class KerasGraphBuilder {

    private static final Sentences SAY = EngineSentences.SAY;

    /**
     * The graph and what the user should know about it.
     *
     * @param nodeOfLayer for each Keras layer that is in the graph, the id of its node
     */
    record Built(ModelGraph graph, List<ImportIssue> issues, Map<String, String> nodeOfLayer) {
    }

    private KerasGraphBuilder() {
    }

    static Built build(KerasModelConfig model) {
        ModelBuilder builder = new ModelBuilder();
        List<ImportIssue> issues = new ArrayList<>();
        // Keras layer name -> our node id that stands for its output (a left-out layer stands for its input).
        Map<String, String> outputOf = new HashMap<>();
        Map<String, String> nodeOfLayer = new HashMap<>();
        List<KerasLayerConfig> layers = model.layers();
        String sequentialInput = null;
        if (model.sequential() && !layers.isEmpty() && !layers.get(0).className().equals("InputLayer")
                && KerasLayerMapper.declaresInput(layers.get(0).config())) {
            sequentialInput = addSequentialInput(builder, layers.get(0), issues);
        }
        for (KerasLayerConfig layer : layers) {
            List<String> inputs = new ArrayList<>();
            if (layer == layers.get(0) && sequentialInput != null) {
                inputs.add(sequentialInput);
            }
            for (String name : layer.inbound()) {
                String id = outputOf.get(name);
                if (id != null && !inputs.contains(id)) {
                    inputs.add(id);
                }
            }
            try {
                KerasLayerMapper.Mapped mapped = KerasLayerMapper.map(layer);
                String name = LayerNames.validateRename(builder.graph(), null, layer.name()) == null
                        ? layer.name() : null;
                String id = builder.addNamed(name, mapped.kind(), mapped.params(), inputs.toArray(String[]::new));
                outputOf.put(layer.name(), id);
                nodeOfLayer.put(layer.name(), id);
                for (String change : mapped.changes()) {
                    issues.add(new ImportIssue(layer.name(), layer.className(), ImportIssue.Severity.CHANGED,
                            SAY.say("keras.layerChanged", layer.name(), layer.className(), change)));
                }
            } catch (KerasLayerMapper.Unsupported e) {
                if (!inputs.isEmpty()) {
                    outputOf.put(layer.name(), inputs.get(0));
                }
                // With inputs, the layers after it were bridged to them, and the sentence says so.
                issues.add(new ImportIssue(layer.name(), layer.className(), ImportIssue.Severity.LEFT_OUT,
                        SAY.say(inputs.isEmpty() ? "keras.layerLeftOut" : "keras.layerLeftOut.bridged", layer.name(),
                                layer.className(), e.getMessage())));
            }
        }
        return new Built(builder.graph(), List.copyOf(issues), Map.copyOf(nodeOfLayer));
    }

    /** Older Sequential files keep the input shape on the first layer; Keras names the input {@code <first>_input}. */
    private static String addSequentialInput(ModelBuilder builder, KerasLayerConfig first, List<ImportIssue> issues) {
        List<String> changes = new ArrayList<>();
        String input = first.name() + "_input";
        try {
            List<Integer> shape = KerasLayerMapper.declaredInputShape(first, changes);
            String id = builder.addNamed(input, "Input", Map.of("shape", shape));
            for (String change : changes) {
                issues.add(new ImportIssue(input, "InputLayer", ImportIssue.Severity.CHANGED,
                        SAY.say("keras.layerChanged", input, "InputLayer", change)));
            }
            return id;
        } catch (KerasLayerMapper.Unsupported e) {
            issues.add(new ImportIssue(input, "InputLayer", ImportIssue.Severity.LEFT_OUT,
                    SAY.say("keras.inputLeftOut", e.getMessage(), first.name())));
            return null;
        }
    }
}
