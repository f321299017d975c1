package org.neuralcanvas.engine.keras;

import org.neuralcanvas.domain.layer.ParamKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * @param nodeOfLayer        for each Keras layer that is in the graph, the id of its node
     * @param channelsFirstFlatten the Flatten nodes that flattened channels-first data in Keras: the Dense after one
     *                           reads its inputs in another order here, so its weights' rows are reordered
     */
    record Built(ModelGraph graph, List<ImportIssue> issues, Map<String, String> nodeOfLayer,
                 Set<String> channelsFirstFlatten) {
    }

    private KerasGraphBuilder() {
    }

    static Built build(KerasModelConfig model) {
        ModelBuilder builder = new ModelBuilder();
        List<ImportIssue> issues = new ArrayList<>();
        // Keras layer name -> our node id that stands for its output (a left-out layer stands for its input).
        Map<String, String> outputOf = new HashMap<>();
        Map<String, String> nodeOfLayer = new HashMap<>();
        Set<String> channelsFirstFlatten = new HashSet<>();
        // Rank of the data the model's channels-first layers read (3: images, 2: sequences); 0 if it has none.
        int channelsFirstRank = model.layers().stream().filter(l -> KerasLayerMapper.isChannelsFirst(l.config()))
                .mapToInt(l -> l.className().contains("1D") ? 2 : 3).max().orElse(0);
        List<KerasLayerConfig> layers = model.layers();
        String sequentialInput = null;
        if (model.sequential() && !layers.isEmpty() && !layers.get(0).className().equals("InputLayer")
                && KerasLayerMapper.declaresInput(layers.get(0).config())) {
            sequentialInput = addSequentialInput(builder, layers.get(0), issues, channelsFirstRank);
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
                if (mapped.kind().equals("Input")) {
                    mapped = channelsLastInput(mapped, channelsFirstRank);
                }
                String name = LayerNames.validateRename(builder.graph(), null, layer.name()) == null
                        ? layer.name() : null;
                String id = builder.addNamed(name, mapped.kind(), mapped.params(), inputs.toArray(String[]::new));
                outputOf.put(layer.name(), id);
                nodeOfLayer.put(layer.name(), id);
                if (channelsFirstRank > 0 && mapped.kind().equals("Flatten")) {
                    channelsFirstFlatten.add(id);
                }
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
        return new Built(builder.graph(), List.copyOf(issues), Map.copyOf(nodeOfLayer),
                Set.copyOf(channelsFirstFlatten));
    }

    /** An input of the rank a channels-first model reads, with its channels axis moved last: (2, 8, 8) → (8, 8, 2). */
    @SuppressWarnings("unchecked")
    private static KerasLayerMapper.Mapped channelsLastInput(KerasLayerMapper.Mapped input, int channelsFirstRank) {
        List<Integer> shape = (List<Integer>) input.params().get(ParamKeys.SHAPE.name());
        if (channelsFirstRank == 0 || shape.size() != channelsFirstRank) {
            return input;
        }
        List<Integer> moved = new ArrayList<>(shape.subList(1, shape.size()));
        moved.add(shape.get(0));
        List<String> changes = new ArrayList<>(input.changes());
        String axes = channelsFirstRank == 3 ? "0, 2, 3, 1" : "0, 2, 1";
        changes.add(SAY.say("keras.change.inputChannelsLast", tupleText(shape), tupleText(moved), axes));
        Map<String, Object> params = new LinkedHashMap<>(input.params());
        params.put("shape", List.copyOf(moved));
        return new KerasLayerMapper.Mapped("Input", params, changes);
    }

    private static String tupleText(List<Integer> dims) {
        return "(" + String.join(", ", dims.stream().map(String::valueOf).toList()) + ")";
    }

    /** Older Sequential files keep the input shape on the first layer; Keras names the input {@code <first>_input}. */
    private static String addSequentialInput(ModelBuilder builder, KerasLayerConfig first, List<ImportIssue> issues,
                                             int channelsFirstRank) {
        List<String> changes = new ArrayList<>();
        String input = first.name() + "_input";
        try {
            KerasLayerMapper.Mapped mapped = channelsLastInput(new KerasLayerMapper.Mapped("Input",
                    Map.of("shape", KerasLayerMapper.declaredInputShape(first, changes)), changes), channelsFirstRank);
            String id = builder.addNamed(input, "Input", mapped.params());
            for (String change : mapped.changes()) {
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
