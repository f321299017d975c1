package org.neuralcanvas.project;

import java.util.List;
import java.util.Objects;

/**
 * One argument of a Keras optimizer: its Keras name (and older names files still carry, {@code lr}),
 * its Keras default and, for a number, its range. The Train panel, the range check, the exporters and
 * the importer read these instead of each listing which optimizer takes what.
 *
 * @param name         the Keras argument, also the key of {@link OptimizerSettings#value(String)}
 * @param aliases      older names, read from files only
 * @param kerasDefault a Double, or a Boolean for a switch ({@code nesterov})
 * @param range        the allowed numbers; null for a switch
 */
public record OptimizerParam(String name, List<String> aliases, Object kerasDefault, SettingRange range) {

    public OptimizerParam {
        Objects.requireNonNull(name);
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(kerasDefault);
    }

    static OptimizerParam number(SettingRange range, double kerasDefault, String... aliases) {
        return new OptimizerParam(range.name(), List.of(aliases), kerasDefault, range);
    }

    static OptimizerParam flag(String name, boolean kerasDefault) {
        return new OptimizerParam(name, List.of(), kerasDefault, null);
    }

    public boolean isFlag() {
        return range == null;
    }

    /** The name and its aliases, the current one first. */
    public List<String> kerasNames() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }

    /** Whether {@code value} is Keras's default, so an exported script need not write it. */
    public boolean isDefault(Object value) {
        if (value instanceof Number a && kerasDefault instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(value, kerasDefault);
    }
}
