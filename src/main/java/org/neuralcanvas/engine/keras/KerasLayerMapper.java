package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.layer.Activations;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.domain.layer.ParamType;
import org.neuralcanvas.domain.layer.Regularizer;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;

/**
 * Maps one Keras layer (Keras 1 or 2 argument names) to a layer kind of our catalog and its
 * parameters. A layer we cannot represent gives {@link Unsupported} with the reason; a setting
 * we do not keep (regularizers, dropout inside recurrent layers) is listed in {@code changes}.
 */
final class KerasLayerMapper {

    private static final Sentences SAY = EngineSentences.SAY;

    /** What the layer becomes in our graph. */
    record Mapped(String kind, Map<String, Object> params, List<String> changes) {
    }

    /** The layer cannot be represented; the reason is a sentence. */
    static final class Unsupported extends Exception {
        /** @param key a {@code keras.unsupported} sentence; Strings as args, which MessageFormat shows as they are */
        Unsupported(String key, String... args) {
            super(SAY.say(key, args));
        }
    }

    /** Length given to an Input whose size the file leaves open (None), such as a text model's sequence length. */
    static final int OPEN_LENGTH = 100;

    /** Settings we do not keep; a layer's declared regularizers are read like any declared argument. */
    private static final Set<String> NOT_KEPT = Set.of("activity_regularizer", "recurrent_regularizer",
            "kernel_constraint", "bias_constraint", "recurrent_constraint", "U_regularizer", "embeddings_regularizer");

    private KerasLayerMapper() {
    }

    static Mapped map(KerasLayerConfig layer) throws Unsupported {
        JsonNode c = layer.config();
        Map<String, Object> p = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        String cls = layer.className();
        String kind = switch (cls) {
            case "InputLayer" -> {
                p.put(ParamKeys.SHAPE.name(), inputShape(c, changes));
                yield "Input";
            }
            case "Merge" -> keras1Merge(c, p);
            case "TimeDistributed" -> timeDistributed(c, p, changes);
            case "Lambda" -> throw new Unsupported("keras.unsupported.lambda");
            case "Sequential", "Model", "Functional" -> throw new Unsupported("keras.unsupported.nested");
            default -> declared(cls, c, p, changes);
        };
        if (layer.calls() > 1) {
            throw new Unsupported("keras.unsupported.shared", String.valueOf(layer.calls()));
        }
        return new Mapped(kind, p, changes);
    }

    /**
     * A layer of a kind our catalog declares (by its Keras class name or an older one): each declared parameter
     * is read under its Keras name or an alias, converted by its declared type, and its default taken where the
     * file leaves it out. {@link KerasImportQuirks} adds what no declaration can say.
     */
    private static String declared(String cls, JsonNode c, Map<String, Object> p, List<String> changes)
            throws Unsupported {
        LayerKind kind = LayerCatalog.standard().findKerasClass(cls).filter(k -> !k.isInput())
                .orElseThrow(() -> new Unsupported("keras.unsupported.noSuchLayer", cls));
        noteChannelsFirst(c, changes);
        notKept(kind, c, changes);
        KerasImportQuirks.check(kind, c, changes);
        for (ParamSpec spec : kind.params()) {
            p.put(spec.name(), read(spec, c, changes));
        }
        KerasImportQuirks.adjust(kind, c, p, changes);
        return kind.kerasName();
    }

    /** Keras's TimeDistributed(layer): the layer it wraps, switched to apply to every step, under the wrapper's name. */
    private static String timeDistributed(JsonNode c, Map<String, Object> p, List<String> changes) throws Unsupported {
        JsonNode inner = c.path("layer");
        String cls = inner.path("class_name").asText("");
        String kind = declared(cls, inner.path("config"), p, changes);
        if (!p.containsKey(ParamKeys.TIME_DISTRIBUTED.name())) {
            throw new Unsupported("keras.unsupported.timeDistributed", cls);
        }
        p.put(ParamKeys.TIME_DISTRIBUTED.name(), true);
        return kind;
    }

    /** One declared parameter's value from a layer's config (or, for a wrapped layer's argument, its inner config). */
    static Object read(ParamSpec spec, JsonNode c, List<String> changes) throws Unsupported {
        if (spec.name().equals(ParamKeys.LAYER.name())) {
            String inner = c.path("layer").path("class_name").asText("");
            if (!spec.choices().contains(inner)) {
                throw new Unsupported("keras.unsupported.bidirectional", inner);
            }
            return inner;
        }
        JsonNode source = spec.keras().ofWrapped() ? c.path("layer").path("config") : c;
        JsonNode v = first(source, spec.kerasNames().toArray(String[]::new));
        if (v.isMissingNode()) {
            return spec.defaultValue();
        }
        if (v.isNull() && spec.type() != ParamType.CHOICE) {
            return spec.nullable() ? null : spec.defaultValue();
        }
        if (spec.name().endsWith("_initializer")) {
            return initializer(spec, v, changes);
        }
        return switch (spec.type()) {
            case INT -> {
                if (!v.canConvertToInt() || v.isBoolean() || v.isTextual()) {
                    throw new Unsupported("keras.unsupported.notWhole", spec.name());
                }
                yield v.asInt();
            }
            case FLOAT -> v.isNumber() ? v.asDouble() : spec.defaultValue();
            case BOOL -> v.isBoolean() ? v.asBoolean() : spec.defaultValue();
            case CHOICE -> choice(spec, v);
            case INT_TUPLE -> tupleOf(spec, v);
            case REGULARIZER -> regularizer(spec, v, changes);
        };
    }

    /**
     * An initializer as Keras 1 (a name), Keras 2 ({@code {"class_name": "VarianceScaling", "config": {...}}} for the
     * Glorot, He and LeCun ones) and Keras 3 ({@code {"class_name": "GlorotUniform"}}) write it. One we cannot start
     * weights with is noted and replaced by the default: it only matters for training anew, not for the file's
     * weights.
     */
    private static String initializer(ParamSpec spec, JsonNode v, List<String> changes) {
        String name = v.isTextual() ? v.asText() : Keras3Weights.snakeCase(v.path("class_name").asText(""));
        if (name.equals("variance_scaling")) {
            JsonNode cfg = v.path("config");
            double scale = cfg.path("scale").asDouble(1);
            String mode = cfg.path("mode").asText("fan_in");
            String family = scale == 1 && mode.equals("fan_avg") ? "glorot" : scale == 2 && mode.equals("fan_in") ? "he"
                    : scale == 1 && mode.equals("fan_in") ? "lecun" : "";
            String distribution = cfg.path("distribution").asText("normal");
            name = family.isEmpty() ? name : family + (distribution.equals("uniform") ? "_uniform" : "_normal");
        }
        name = name.equals("zero") ? "zeros" : name.equals("one") ? "ones" : name;
        if (spec.choices().contains(name)) {
            return name;
        }
        changes.add(SAY.say("keras.change.initializer", spec.name(), name.isEmpty() ? v.toString() : name,
                String.valueOf(spec.defaultValue())));
        return (String) spec.defaultValue();
    }

    /**
     * A regularizer as Keras 2 and 3 write it ({@code {"class_name": "L1L2", "config": {"l1": 0.0, "l2": 0.01}}}) or
     * Keras 1 ({@code {"name": "L1L2Regularizer", "l1": 0.0, "l2": 0.01}}); one of another kind is noted and left out.
     */
    private static String regularizer(ParamSpec spec, JsonNode v, List<String> changes) {
        JsonNode cfg = v.has("config") ? v.path("config") : v;
        String cls = v.path("class_name").asText(v.path("name").asText(""));
        if (cls.startsWith("L1") || cls.startsWith("L2") || cls.startsWith("l1") || cls.startsWith("l2")) {
            double l1 = cfg.path("l1").asDouble(0);
            double l2 = cfg.path("l2").asDouble(0);
            if (l1 > 0 || l2 > 0) {
                return new Regularizer(l1, l2).text();
            }
            return null;
        }
        changes.add(SAY.say("keras.change.notKept", spec.name()));
        return null;
    }

    private static String choice(ParamSpec spec, JsonNode v) throws Unsupported {
        if (spec.name().equals(ParamKeys.ACTIVATION.name())) {
            if (v.isNull()) {
                return "linear";
            }
            if (!v.isTextual()) {
                throw new Unsupported("keras.unsupported.customActivation");
            }
            return activationName(v.asText());
        }
        String value = v.asText("");
        if (!spec.choices().contains(value)) {
            throw new Unsupported(spec.name().equals("padding") ? "keras.unsupported.padding" : "keras.unsupported.choice",
                    value, spec.name(), String.join(", ", spec.choices()));
        }
        return value;
    }

    /**
     * A tuple as Keras may write it: one number for every axis ({@code kernel_size=3}), a list, or pairs
     * ({@code ((1, 1), (2, 2))}), which are read flat; pairs given as two numbers are symmetric amounts.
     */
    private static List<Integer> tupleOf(ParamSpec spec, JsonNode v) throws Unsupported {
        List<Integer> values = new ArrayList<>();
        if (v.isInt()) {
            int n = Math.max(spec.minLength(), 1);
            for (int i = 0; i < (spec.minLength() == spec.maxLength() ? spec.maxLength() : n); i++) {
                values.add(v.asInt());
            }
            return values;
        }
        if (!v.isArray()) {
            throw new Unsupported("keras.unsupported.notWhole", spec.name());
        }
        boolean nested = false;
        for (JsonNode e : v) {
            if (e.isArray()) {
                nested = true;
                e.forEach(x -> values.add(x.asInt()));
            } else {
                values.add(e.asInt());
            }
        }
        if (spec.keras().inPairs() && !nested && values.size() * 2 == spec.maxLength()) {
            List<Integer> pairs = new ArrayList<>();
            values.forEach(x -> {
                pairs.add(x);
                pairs.add(x);
            });
            return pairs;
        }
        return values;
    }

    /** Keras 1's Merge layer: mode sum, mul, ave, max or concat. */
    private static String keras1Merge(JsonNode c, Map<String, Object> p) throws Unsupported {
        String mode = c.path("mode").asText("sum");
        return switch (mode) {
            case "sum" -> "Add";
            case "mul" -> "Multiply";
            case "ave" -> "Average";
            case "max" -> "Maximum";
            case "concat" -> {
                p.put("axis", -1);
                yield "Concatenate";
            }
            default -> throw new Unsupported("keras.unsupported.keras1Merge", mode);
        };
    }

    private static List<Integer> inputShape(JsonNode c, List<String> changes) throws Unsupported {
        JsonNode batch = first(c, "batch_input_shape", "batch_shape");
        List<Integer> dims = new ArrayList<>();
        if (!batch.isMissingNode() && batch.isArray()) {
            for (int i = 1; i < batch.size(); i++) {
                dims.add(batch.get(i).isNull() ? -1 : batch.get(i).asInt());
            }
        } else if (c.has("input_shape")) {
            c.path("input_shape").forEach(d -> dims.add(d.isNull() ? -1 : d.asInt()));
        } else if (c.has("input_dim")) {
            dims.add(c.path("input_dim").asInt());
        } else {
            throw new Unsupported("keras.unsupported.noInputShape");
        }
        if (dims.isEmpty() || dims.size() > 4) {
            throw new Unsupported("keras.unsupported.inputAxes", String.valueOf(dims.size()));
        }
        if (dims.contains(-1)) {
            changes.add(SAY.say("keras.change.openSize", show(dims), String.valueOf(OPEN_LENGTH)));
            dims.replaceAll(d -> d == -1 ? OPEN_LENGTH : d);
        }
        return List.copyOf(dims);
    }

    private static String show(List<Integer> dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dims.get(i) == -1 ? "None" : dims.get(i).toString());
        }
        return sb.append(dims.size() == 1 ? ",)" : ")").toString();
    }

    /** Keras 1 wrote the first layer's input shape into the layer itself; a Sequential import turns it into an Input. */
    static boolean declaresInput(JsonNode c) {
        return c.has("batch_input_shape") || c.has("batch_shape") || c.has("input_shape") || c.has("input_dim");
    }

    static List<Integer> declaredInputShape(KerasLayerConfig layer, List<String> changes) throws Unsupported {
        JsonNode c = layer.config();
        if (!c.has("batch_input_shape") && !c.has("batch_shape") && !c.has("input_shape")
                && layer.className().equals("Embedding") && c.has("input_length")) {
            return List.of(c.path("input_length").asInt(OPEN_LENGTH));
        }
        return inputShape(c, changes);
    }

    private static void notKept(LayerKind kind, JsonNode c, List<String> changes) {
        for (String key : NOT_KEPT) {
            if (c.has(key) && !c.path(key).isNull() && kind.param(key).isEmpty()) {
                changes.add(SAY.say("keras.change.notKept", key));
            }
        }
    }

    /** A layer that reads channels-first data ({@code data_format='channels_first'}, Keras 1's {@code dim_ordering='th'}). */
    static boolean isChannelsFirst(JsonNode c) {
        String format = c.path("data_format").asText(c.path("dim_ordering").asText("channels_last"));
        return format.equals("channels_first") || format.equals("th");
    }

    /** Channels-first layers open channels-last, as all of ours are; the graph builder turns the inputs round. */
    static void noteChannelsFirst(JsonNode c, List<String> changes) {
        if (isChannelsFirst(c)) {
            changes.add(SAY.say("keras.change.channelsFirst"));
        }
    }




    static String activationName(String name) throws Unsupported {
        String n = name.equals("LeakyReLU") ? "leaky_relu" : name;
        if (!Activations.NAMES.contains(n)) {
            throw new Unsupported("keras.unsupported.activation", name, String.join(", ", Activations.NAMES));
        }
        return n;
    }

    static JsonNode first(JsonNode c, String... keys) {
        for (String k : keys) {
            if (c.has(k)) {
                return c.get(k);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }





    private static List<Integer> ints(JsonNode v) {
        List<Integer> list = new ArrayList<>();
        v.forEach(d -> list.add(d.asInt()));
        return list;
    }

}
