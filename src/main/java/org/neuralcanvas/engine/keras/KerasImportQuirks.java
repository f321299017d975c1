package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.layer.LayerCategory;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;

/**
 * What a Keras file can say that the declarations cannot: settings we refuse or do not keep, and the few
 * arguments whose Keras spelling is not one name per parameter (Keras 1's {@code nb_row}/{@code nb_col}).
 * {@link KerasLayerMapper} reads everything else generically from the declarations.
 */
final class KerasImportQuirks {

    private static final Sentences SAY = EngineSentences.SAY;

    private KerasImportQuirks() {
    }

    /** Refuses what we cannot represent, and notes what we read differently, before the parameters are read. */
    static void check(LayerKind kind, JsonNode c, List<String> changes) throws KerasLayerMapper.Unsupported {
        String name = kind.kerasName();
        if (kind.category() == LayerCategory.CONVOLUTION && kind.param(ParamKeys.DILATION_RATE.name()).isEmpty()) {
            JsonNode dilation = c.path("dilation_rate");
            if (!dilation.isMissingNode() && !allOnes(dilation)) {
                throw new KerasLayerMapper.Unsupported("keras.unsupported.dilation", dilation.toString());
            }
        }
        if (name.equals("BatchNormalization") || name.equals("LayerNormalization")) {
            requireLastAxis(c);
        }
        if (kind.category() == LayerCategory.RECURRENT) {
            JsonNode cell = name.equals("Bidirectional") ? c.path("layer").path("config") : c;
            LayerKind cellKind = name.equals("Bidirectional") ? org.neuralcanvas.domain.layer.LayerCatalog.standard()
                    .findKerasClass(c.path("layer").path("class_name").asText("")).orElse(kind) : kind;
            recurrentFlags(cellKind, cell, changes);
        }
        if (name.equals("Bidirectional") && c.path("merge_mode").isNull()) {
            throw new KerasLayerMapper.Unsupported("keras.unsupported.mergeMode", "None");
        }
        if (name.equals("Concatenate") && c.path("axis").asInt(-1) != -1) {
            changes.add(SAY.say("keras.change.concatAxis", String.valueOf(c.path("axis").asInt())));
        }
    }

    /** Fixes up the generically read parameters where Keras spelt one of them in parts. */
    static void adjust(LayerKind kind, JsonNode c, Map<String, Object> p, List<String> changes) {
        if (kind.kerasName().equals("Conv2D") && c.has("nb_row")) {
            p.put(ParamKeys.KERNEL_SIZE.name(), List.of(c.path("nb_row").asInt(), c.path("nb_col").asInt()));
        }
        if (kind.kerasName().equals("Concatenate")) {
            p.put(ParamKeys.AXIS.name(), -1);
        }
    }

    private static void recurrentFlags(LayerKind kind, JsonNode c, List<String> changes)
            throws KerasLayerMapper.Unsupported {
        for (String flag : List.of("return_state", "go_backwards", "stateful")) {
            if (c.path(flag).asBoolean(false)) {
                throw new KerasLayerMapper.Unsupported("keras.unsupported.flag", flag);
            }
        }
        // The dropouts a kind declares are read as its parameters; the others (an LSTM's recurrent_dropout) noted.
        for (String dropout : List.of("dropout", "recurrent_dropout", "dropout_W", "dropout_U")) {
            boolean declared = kind.params().stream().anyMatch(spec -> spec.kerasNames().contains(dropout));
            if (c.path(dropout).asDouble(0) > 0 && !declared) {
                changes.add(SAY.say("keras.change.dropout", dropout, String.valueOf(c.path(dropout).asDouble())));
            }
        }
    }

    private static void requireLastAxis(JsonNode c) throws KerasLayerMapper.Unsupported {
        JsonNode axis = c.path("axis");
        if (axis.isArray() && axis.size() == 1) {
            axis = axis.get(0);
        }
        if (axis.isInt() && axis.asInt() != -1 && axis.asInt() < 1) {
            throw new KerasLayerMapper.Unsupported("keras.unsupported.normAxis", String.valueOf(axis.asInt()));
        }
        String mode = c.path("mode").asText("0");
        if (!mode.equals("0")) {
            throw new KerasLayerMapper.Unsupported("keras.unsupported.keras1Mode", mode);
        }
    }

    private static boolean allOnes(JsonNode v) {
        List<Integer> values = new ArrayList<>();
        if (v.isInt()) {
            values.add(v.asInt());
        } else {
            v.forEach(x -> values.add(x.asInt()));
        }
        return values.stream().allMatch(x -> x == 1);
    }
}
