package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.layer.Activations;
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

    private static final Set<String> NOT_KEPT = Set.of("kernel_regularizer", "bias_regularizer",
            "activity_regularizer", "recurrent_regularizer", "kernel_constraint", "bias_constraint",
            "recurrent_constraint", "W_regularizer", "b_regularizer", "U_regularizer", "embeddings_regularizer");

    private KerasLayerMapper() {
    }

    static Mapped map(KerasLayerConfig layer) throws Unsupported {
        JsonNode c = layer.config();
        Map<String, Object> p = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        notKept(c, changes);
        String cls = layer.className();
        String kind = switch (cls) {
            case "InputLayer" -> {
                p.put("shape", inputShape(c, changes));
                yield "Input";
            }
            case "Dense" -> {
                p.put("units", intOf(c, "units", "output_dim"));
                p.put("activation", activation(c, "activation"));
                p.put("use_bias", boolOf(c, true, "use_bias", "bias"));
                yield "Dense";
            }
            case "Activation" -> {
                p.put("activation", activation(c, "activation"));
                yield "Activation";
            }
            case "Dropout" -> {
                p.put("rate", doubleOf(c, 0.5, "rate", "p"));
                yield "Dropout";
            }
            case "Flatten" -> "Flatten";
            case "Softmax" -> "Softmax";
            case "Reshape" -> {
                p.put("target_shape", ints(c.path("target_shape")));
                yield "Reshape";
            }
            case "Embedding" -> {
                p.put("input_dim", intOf(c, "input_dim"));
                p.put("output_dim", intOf(c, "output_dim"));
                if (c.path("mask_zero").asBoolean(false)) {
                    changes.add(SAY.say("keras.change.maskZero"));
                }
                yield "Embedding";
            }
            case "BatchNormalization" -> {
                requireLastAxis(c);
                p.put("momentum", doubleOf(c, 0.99, "momentum"));
                p.put("epsilon", doubleOf(c, 0.001, "epsilon"));
                p.put("center", boolOf(c, true, "center"));
                p.put("scale", boolOf(c, true, "scale"));
                yield "BatchNormalization";
            }
            case "Conv1D", "Convolution1D", "Conv2D", "Convolution2D" -> conv(cls, c, p, changes);
            case "MaxPooling1D", "AveragePooling1D", "MaxPooling2D", "AveragePooling2D" -> pooling(cls, c, p, changes);
            case "GlobalAveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> {
                noteChannelsFirst(c, changes);
                yield cls;
            }
            case "SimpleRNN", "LSTM" -> {
                recurrent(cls, c, p, changes);
                yield cls;
            }
            case "Bidirectional" -> bidirectional(c, p, changes);
            case "Add", "Subtract", "Multiply", "Average", "Maximum" -> cls;
            case "Concatenate" -> {
                int axis = c.path("axis").asInt(-1);
                if (axis != -1) {
                    changes.add(SAY.say("keras.change.concatAxis", String.valueOf(axis)));
                }
                p.put("axis", -1);
                yield "Concatenate";
            }
            case "Merge" -> keras1Merge(c, p);
            case "Lambda" -> throw new Unsupported("keras.unsupported.lambda");
            case "Sequential", "Model", "Functional" ->
                    throw new Unsupported("keras.unsupported.nested");
            default -> throw new Unsupported("keras.unsupported.noSuchLayer", cls);
        };
        if (layer.calls() > 1) {
            throw new Unsupported("keras.unsupported.shared", String.valueOf(layer.calls()));
        }
        return new Mapped(kind, p, changes);
    }

    private static String conv(String cls, JsonNode c, Map<String, Object> p, List<String> changes)
            throws Unsupported {
        int rank = cls.contains("1D") ? 1 : 2;
        noteChannelsFirst(c, changes);
        p.put("filters", intOf(c, "filters", "nb_filter"));
        if (rank == 2 && c.has("nb_row")) {
            p.put("kernel_size", List.of(c.path("nb_row").asInt(), c.path("nb_col").asInt()));
        } else if (rank == 1 && c.has("filter_length")) {
            p.put("kernel_size", List.of(c.path("filter_length").asInt()));
        } else {
            p.put("kernel_size", tuple(c.path("kernel_size"), rank));
        }
        JsonNode strides = first(c, "strides", "subsample", "subsample_length");
        p.put("strides", strides.isMissingNode() || strides.isNull() ? ones(rank) : tuple(strides, rank));
        p.put("padding", padding(c));
        p.put("activation", activation(c, "activation"));
        p.put("use_bias", boolOf(c, true, "use_bias", "bias"));
        JsonNode dilation = c.path("dilation_rate");
        if (!dilation.isMissingNode() && !tuple(dilation, rank).equals(ones(rank))) {
            throw new Unsupported("keras.unsupported.dilation", dilation.toString());
        }
        return rank == 1 ? "Conv1D" : "Conv2D";
    }

    private static String pooling(String cls, JsonNode c, Map<String, Object> p, List<String> changes)
            throws Unsupported {
        int rank = cls.endsWith("1D") ? 1 : 2;
        noteChannelsFirst(c, changes);
        JsonNode pool = first(c, "pool_size", "pool_length");
        p.put("pool_size", pool.isMissingNode() ? List.of(2, 2).subList(0, rank) : tuple(pool, rank));
        JsonNode strides = first(c, "strides", "stride");
        p.put("strides", strides.isMissingNode() || strides.isNull() ? null : tuple(strides, rank));
        p.put("padding", padding(c));
        return cls;
    }

    private static void recurrent(String cls, JsonNode c, Map<String, Object> p, List<String> changes) throws Unsupported {
        for (String flag : List.of("return_state", "go_backwards", "stateful")) {
            if (c.path(flag).asBoolean(false)) {
                throw new Unsupported("keras.unsupported.flag", flag);
            }
        }
        p.put("units", intOf(c, "units", "output_dim"));
        p.put("activation", activation(c, "activation"));
        if (cls.equals("LSTM")) {
            JsonNode ra = first(c, "recurrent_activation", "inner_activation");
            p.put("recurrent_activation", ra.isMissingNode() ? "sigmoid" : activationName(ra.asText()));
        }
        p.put("return_sequences", boolOf(c, false, "return_sequences"));
        for (String dropout : List.of("dropout", "recurrent_dropout", "dropout_W", "dropout_U")) {
            if (c.path(dropout).asDouble(0) > 0) {
                changes.add(SAY.say("keras.change.dropout", dropout, String.valueOf(c.path(dropout).asDouble())));
            }
        }
    }

    private static String bidirectional(JsonNode c, Map<String, Object> p, List<String> changes) throws Unsupported {
        JsonNode inner = c.path("layer");
        String innerClass = inner.path("class_name").asText("");
        if (!innerClass.equals("LSTM") && !innerClass.equals("SimpleRNN")) {
            throw new Unsupported("keras.unsupported.bidirectional", innerClass);
        }
        Map<String, Object> innerParams = new LinkedHashMap<>();
        recurrent(innerClass, inner.path("config"), innerParams, changes);
        String mode = c.path("merge_mode").isNull() ? null : c.path("merge_mode").asText("concat");
        if (mode == null || !List.of("concat", "sum", "mul", "ave").contains(mode)) {
            throw new Unsupported("keras.unsupported.mergeMode", String.valueOf(mode));
        }
        p.put("layer", innerClass);
        p.put("units", innerParams.get("units"));
        p.put("return_sequences", innerParams.get("return_sequences"));
        p.put("merge_mode", mode);
        return "Bidirectional";
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
        if (dims.isEmpty() || dims.size() > 3) {
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

    private static void notKept(JsonNode c, List<String> changes) {
        for (String key : NOT_KEPT) {
            if (c.has(key) && !c.path(key).isNull()) {
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
    private static void noteChannelsFirst(JsonNode c, List<String> changes) {
        if (isChannelsFirst(c)) {
            changes.add(SAY.say("keras.change.channelsFirst"));
        }
    }

    private static void requireLastAxis(JsonNode c) throws Unsupported {
        JsonNode axis = c.path("axis");
        if (axis.isArray() && axis.size() == 1) {
            axis = axis.get(0);
        }
        if (axis.isInt() && axis.asInt() != -1 && axis.asInt() < 1) {
            throw new Unsupported("keras.unsupported.normAxis", String.valueOf(axis.asInt()));
        }
        String mode = c.path("mode").asText("0");
        if (!mode.equals("0")) {
            throw new Unsupported("keras.unsupported.keras1Mode", mode);
        }
    }

    private static String padding(JsonNode c) throws Unsupported {
        String padding = first(c, "padding", "border_mode").asText("valid");
        if (!padding.equals("valid") && !padding.equals("same")) {
            throw new Unsupported("keras.unsupported.padding", padding);
        }
        return padding;
    }

    private static String activation(JsonNode c, String key) throws Unsupported {
        JsonNode a = c.path(key);
        if (a.isMissingNode() || a.isNull()) {
            return "linear";
        }
        if (!a.isTextual()) {
            throw new Unsupported("keras.unsupported.customActivation");
        }
        return activationName(a.asText());
    }

    private static String activationName(String name) throws Unsupported {
        String n = name.equals("LeakyReLU") ? "leaky_relu" : name;
        if (!Activations.NAMES.contains(n)) {
            throw new Unsupported("keras.unsupported.activation", name, String.join(", ", Activations.NAMES));
        }
        return n;
    }

    private static JsonNode first(JsonNode c, String... keys) {
        for (String k : keys) {
            if (c.has(k)) {
                return c.get(k);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static int intOf(JsonNode c, String... keys) throws Unsupported {
        JsonNode v = first(c, keys);
        if (!v.canConvertToInt()) {
            throw new Unsupported("keras.unsupported.notWhole", keys[0]);
        }
        return v.asInt();
    }

    private static double doubleOf(JsonNode c, double otherwise, String... keys) {
        JsonNode v = first(c, keys);
        return v.isNumber() ? v.asDouble() : otherwise;
    }

    private static boolean boolOf(JsonNode c, boolean otherwise, String... keys) {
        JsonNode v = first(c, keys);
        return v.isBoolean() ? v.asBoolean() : otherwise;
    }

    private static List<Integer> tuple(JsonNode v, int rank) {
        if (v.isInt()) {
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < rank; i++) {
                list.add(v.asInt());
            }
            return list;
        }
        return ints(v);
    }

    private static List<Integer> ints(JsonNode v) {
        List<Integer> list = new ArrayList<>();
        v.forEach(d -> list.add(d.asInt()));
        return list;
    }

    private static List<Integer> ones(int rank) {
        return rank == 1 ? List.of(1) : List.of(1, 1);
    }
}
