package org.neuralcanvas.domain.layer;

import org.neuralcanvas.domain.text.Sentences;
import java.util.List;
import java.util.Objects;

/**
 * One parameter of a layer kind, in Keras terms: its name, type, default and allowed values.
 * The inspector builds its editor from this, and {@link #validate(Object)} is the single place
 * that decides whether a value is acceptable.
 *
 * @param name       the Keras argument name, e.g. {@code units}
 * @param type       the value type
 * @param defaultValue the Keras default; {@code null} only where {@code nullable} (Keras {@code None})
 * @param min        smallest allowed number (INT, FLOAT, each INT_TUPLE element), or null
 * @param max        largest allowed number, or null
 * @param maxExclusive whether {@code max} itself is excluded (Dropout's rate &lt; 1)
 * @param choices    the allowed strings for CHOICE, else empty
 * @param minLength  for INT_TUPLE: fewest elements
 * @param maxLength  for INT_TUPLE: most elements
 * @param allowMinusOne for INT_TUPLE: one element may be -1 ("infer this one", as in Reshape)
 * @param nullable   whether {@code None} is allowed (pooling {@code strides=None})
 * @param keras      how Keras files and scripts spell the argument
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, Double min, Double max,
                        boolean maxExclusive, List<String> choices, int minLength, int maxLength,
                        boolean allowMinusOne, boolean nullable, KerasArgument keras) {
    private static final Sentences SAY = Sentences.DOMAIN;

    /**
     * The parameter as a Keras argument.
     *
     * @param aliases      older names of the same argument that files still carry (Keras 1's {@code nb_filter},
     *                     {@code output_dim}, {@code border_mode}…), read on import, never written
     * @param required     Keras has no default for it, so an exported script always writes it
     * @param ofWrapped    it belongs to the layer a wrapper holds (Bidirectional's {@code units} is its LSTM's)
     * @param inPairs      Keras writes this flat tuple as pairs: ZeroPadding2D's (top, bottom, left, right) is
     *                     {@code ((top, bottom), (left, right))} in Keras
     */
    public record KerasArgument(List<String> aliases, boolean required, boolean ofWrapped, boolean inPairs) {
        static final KerasArgument PLAIN = new KerasArgument(List.of(), false, false, false);

        public KerasArgument {
            aliases = List.copyOf(aliases);
        }
    }

    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(keras);
        choices = List.copyOf(choices);
    }

    /** This spec, also read from files under these older Keras names. */
    public ParamSpec aka(String... aliases) {
        List<String> all = new java.util.ArrayList<>(keras.aliases());
        all.addAll(List.of(aliases));
        return withKeras(new KerasArgument(all, keras.required(), keras.ofWrapped(), keras.inPairs()));
    }

    /** This spec, which Keras requires (no default on Keras's side). */
    public ParamSpec required() {
        return withKeras(new KerasArgument(keras.aliases(), true, keras.ofWrapped(), keras.inPairs()));
    }

    /** This spec, which belongs to the layer a wrapper holds. */
    public ParamSpec ofWrapped() {
        return withKeras(new KerasArgument(keras.aliases(), keras.required(), true, keras.inPairs()));
    }

    /** This spec, a flat tuple that Keras writes as pairs (see {@link KerasArgument#inPairs()}). */
    public ParamSpec inPairs() {
        return withKeras(new KerasArgument(keras.aliases(), keras.required(), keras.ofWrapped(), true));
    }

    /**
     * Whether Keras writes it among the layer's own arguments; not so the wrapped layer's class (Bidirectional's
     * {@code layer}) and the TimeDistributed switch, which Keras writes as a wrapper around the layer.
     */
    public boolean isLayerArgument() {
        return !name.equals(ParamKeys.LAYER.name()) && !name.equals(ParamKeys.TIME_DISTRIBUTED.name());
    }

    /** Every name Keras has used for this argument, the current one first. */
    public List<String> kerasNames() {
        List<String> all = new java.util.ArrayList<>();
        all.add(name);
        all.addAll(keras.aliases());
        return all;
    }

    private ParamSpec withKeras(KerasArgument k) {
        return new ParamSpec(name, type, defaultValue, min, max, maxExclusive, choices, minLength, maxLength,
                allowMinusOne, nullable, k);
    }

    public static ParamSpec intParam(ParamKey<Integer> key, int defaultValue, int min) {
        return new ParamSpec(key.name(), ParamType.INT, defaultValue, (double) min, null, false, List.of(), 0, 0,
                false, false, KerasArgument.PLAIN);
    }

    /** A whole number in [min, max]. */
    public static ParamSpec intParam(ParamKey<Integer> key, int defaultValue, int min, int max) {
        return new ParamSpec(key.name(), ParamType.INT, defaultValue, (double) min, (double) max, false, List.of(), 0,
                0, false, false, KerasArgument.PLAIN);
    }

    public static ParamSpec floatParam(ParamKey<Double> key, double defaultValue, double min, Double max,
                                       boolean maxExclusive) {
        return new ParamSpec(key.name(), ParamType.FLOAT, defaultValue, min, max, maxExclusive, List.of(), 0, 0,
                false, false, KerasArgument.PLAIN);
    }

    /** A number with no lower bound (Rescaling's offset, ReLU's threshold may be negative). */
    public static ParamSpec anyFloatParam(ParamKey<Double> key, double defaultValue) {
        return new ParamSpec(key.name(), ParamType.FLOAT, defaultValue, null, null, false, List.of(), 0, 0,
                false, false, KerasArgument.PLAIN);
    }

    public static ParamSpec boolParam(ParamKey<Boolean> key, boolean defaultValue) {
        return new ParamSpec(key.name(), ParamType.BOOL, defaultValue, null, null, false, List.of(), 0, 0, false,
                false, KerasArgument.PLAIN);
    }

    public static ParamSpec choiceParam(ParamKey<String> key, String defaultValue, List<String> choices) {
        return new ParamSpec(key.name(), ParamType.CHOICE, defaultValue, null, null, false, choices, 0, 0, false,
                false, KerasArgument.PLAIN);
    }

    /** A weight regularizer, None by default. */
    public static ParamSpec regularizerParam(ParamKey<String> key) {
        return new ParamSpec(key.name(), ParamType.REGULARIZER, null, null, null, false, List.of(), 0, 0, false, true,
                KerasArgument.PLAIN);
    }

    /** A tuple of whole numbers, each at least 1. */
    public static ParamSpec tupleParam(ParamKey<List<Integer>> key, List<Integer> defaultValue, int minLength,
                                       int maxLength) {
        return tupleParam(key, defaultValue, minLength, maxLength, 1);
    }

    /** A tuple of whole numbers, each at least {@code min} (0 for paddings and croppings). */
    public static ParamSpec tupleParam(ParamKey<List<Integer>> key, List<Integer> defaultValue, int minLength,
                                       int maxLength, int min) {
        return new ParamSpec(key.name(), ParamType.INT_TUPLE, defaultValue, (double) min, null, false, List.of(),
                minLength, maxLength, false, false, KerasArgument.PLAIN);
    }

    /** This spec, but {@code None} is accepted (and is the default). */
    public ParamSpec orNone() {
        return new ParamSpec(name, type, null, min, max, maxExclusive, choices, minLength, maxLength, allowMinusOne,
                true, keras);
    }

    /** This spec, but one tuple element may be -1, meaning "whatever makes the sizes fit". */
    public ParamSpec withMinusOne() {
        return new ParamSpec(name, type, defaultValue, min, max, maxExclusive, choices, minLength, maxLength, true,
                nullable, keras);
    }

    /**
     * Checks a value against this spec.
     *
     * @return {@code null} when the value is acceptable, else a sentence saying what is wrong
     *         and what is allowed, e.g. "units must be a whole number of at least 1; it is 0."
     */
    public String validate(Object value) {
        if (value == null) {
            return nullable ? null : SAY.say("param.needsValue", name);
        }
        return switch (type) {
            case INT -> value instanceof Integer i ? checkRange(i) : SAY.say("param.int", name, show(value));
            case FLOAT -> value instanceof Number n
                    ? checkRange(n.doubleValue())
                    : SAY.say("param.number", name, show(value));
            case BOOL -> value instanceof Boolean ? null : SAY.say("param.bool", name, show(value));
            case CHOICE -> value instanceof String s && choices.contains(s)
                    ? null
                    : SAY.say("param.choice", name, String.valueOf(value), String.join(", ", choices));
            case INT_TUPLE -> validateTuple(value);
            case REGULARIZER -> value instanceof String s && Regularizer.parse(s).isPresent()
                    ? null : SAY.say("param.regularizer", name, String.valueOf(value));
        };
    }

    private String validateTuple(Object value) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof Integer)) {
            return SAY.say("param.tuple", name, show(value));
        }
        if (list.size() < minLength || list.size() > maxLength) {
            String want = minLength == maxLength ? String.valueOf(minLength)
                    : SAY.say("param.range", String.valueOf(minLength), String.valueOf(maxLength));
            return SAY.say(maxLength == 1 ? "param.tupleLength.one" : "param.tupleLength", name, want, String.valueOf(list.size()));
        }
        int minusOnes = 0;
        for (Object o : list) {
            int v = (Integer) o;
            if (v == -1 && allowMinusOne) {
                minusOnes++;
            } else if (v < (min == null ? 1 : min)) {
                return SAY.say(min != null && min == 0 ? "param.notNegative" : "param.positive", name, show(value));
            }
        }
        return minusOnes > 1 ? SAY.say("param.oneMinusOne", name, show(value)) : null;
    }

    private String checkRange(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return SAY.say("param.finite", name);
        }
        if (min != null && v < min) {
            return SAY.say("param.atLeast", name, fmt(min), fmt(v));
        }
        if (max != null && (maxExclusive ? v >= max : v > max)) {
            return SAY.say(maxExclusive ? "param.below" : "param.atMost", name, fmt(max), fmt(v));
        }
        return null;
    }

    private String fmt(double v) {
        return type == ParamType.INT ? Long.toString((long) v) : Double.toString(v);
    }

    /** A value as Keras would print it: tuples in parentheses, booleans capitalised. */
    public static String show(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(list.get(i));
            }
            return sb.append(list.size() == 1 ? ",)" : ")").toString();
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value.toString();
    }
}
