package org.neuralcanvas.domain.layer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter values of one layer, immutable. Values are {@link Integer}, {@link Double},
 * {@link Boolean}, {@link String} or an unmodifiable {@code List<Integer>}; {@code null} stands
 * for Keras {@code None}. A value may be out of range (for example loaded from a file): the
 * shape inference reports it as a problem rather than refusing to hold it, so nothing the user
 * made is lost.
 */
public final class LayerParams {

    private final Map<String, Object> values;

    private LayerParams(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The defaults of every parameter of a kind. */
    public static LayerParams defaultsOf(List<ParamSpec> specs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            map.put(spec.name(), spec.defaultValue());
        }
        return new LayerParams(map);
    }

    /** Parameters from raw values (as read from a file); values are normalised, not checked. */
    public static LayerParams of(Map<String, ?> raw) {
        Map<String, Object> map = new LinkedHashMap<>();
        raw.forEach((k, v) -> map.put(k, normalise(v)));
        return new LayerParams(map);
    }

    /** A copy with one value replaced. */
    public LayerParams with(String name, Object value) {
        Map<String, Object> map = new LinkedHashMap<>(values);
        map.put(name, normalise(value));
        return new LayerParams(map);
    }

    public Object get(String name) {
        return values.get(name);
    }

    /**
     * The value under a typed key; callers use this only after {@link ParamSpec#validate} passed. Numbers are
     * converted (a file may hold {@code 1} for a rate), {@code None} is null.
     */
    public <T> T get(ParamKey<T> key) {
        Object v = values.get(key.name());
        if (v instanceof Number n && key.type() == Double.class) {
            return key.type().cast(n.doubleValue());
        }
        if (v instanceof Number n && key.type() == Integer.class) {
            return key.type().cast(n.intValue());
        }
        return key.type().cast(v);
    }

    /** A copy with one value replaced. */
    public <T> LayerParams with(ParamKey<T> key, T value) {
        return with(key.name(), value);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value as an int; callers use this only after {@link ParamSpec#validate} passed. */
    public int getInt(String name) {
        return ((Number) values.get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    public boolean getBool(String name) {
        return (Boolean) values.get(name);
    }

    public String getString(String name) {
        return (String) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getTuple(String name) {
        return (List<Integer>) values.get(name);
    }

    /** All values in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    private static Object normalise(Object v) {
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof int[] a) {
            return List.of(java.util.Arrays.stream(a).boxed().toArray(Integer[]::new));
        }
        if (v instanceof List<?> list) {
            return list.stream().map(LayerParams::normalise).toList();
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerParams p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
