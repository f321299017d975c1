package org.neuralcanvas.domain.layer;

import java.util.List;
import java.util.Objects;

/**
 * A layer parameter's Keras name together with the Java type of its value, so that code reading a
 * parameter says which one it means once ({@link ParamKeys#UNITS}) instead of repeating the string
 * {@code "units"} with a cast in every package.
 *
 * @param name the Keras argument name
 * @param type the value's type: Integer, Double, Boolean, String or List (of Integer)
 */
public record ParamKey<T>(String name, Class<T> type) {

    public ParamKey {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    public static ParamKey<Integer> ofInt(String name) {
        return new ParamKey<>(name, Integer.class);
    }

    public static ParamKey<Double> ofDouble(String name) {
        return new ParamKey<>(name, Double.class);
    }

    public static ParamKey<Boolean> ofBool(String name) {
        return new ParamKey<>(name, Boolean.class);
    }

    public static ParamKey<String> ofString(String name) {
        return new ParamKey<>(name, String.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ParamKey<List<Integer>> ofTuple(String name) {
        return new ParamKey<>(name, (Class<List<Integer>>) (Class) List.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
