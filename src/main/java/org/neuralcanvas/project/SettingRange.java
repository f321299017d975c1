package org.neuralcanvas.project;

import java.util.Locale;

/**
 * The values a training setting may take, declared once and read by every place that checks one:
 * the Train panel's fields (their hint), the compiler (a sentence before anything is built), the
 * command line. Written as an interval, {@code (0, 10]}, in every language.
 *
 * @param name  the Keras argument, e.g. {@code learning_rate}
 * @param whole whether only whole numbers are allowed
 */
public record SettingRange(String name, double min, boolean minIncluded, double max, boolean maxIncluded,
                           boolean whole) {

    public boolean allows(double v) {
        if (Double.isNaN(v) || whole && v != Math.rint(v)) {
            return false;
        }
        boolean aboveMin = minIncluded ? v >= min : v > min;
        boolean belowMax = maxIncluded ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    /** {@code (0, 10]}, {@code [1, 100,000]}, {@code [0, ∞)}. */
    public String interval() {
        return (minIncluded ? "[" : "(") + number(min) + ", " + (Double.isInfinite(max) ? "∞" : number(max))
                + (maxIncluded && !Double.isInfinite(max) ? "]" : ")");
    }

    /** The sentence for a value outside: {@code learning_rate is 1000000; it must be in (0, 10].} */
    public String problem(double value) {
        return name + " is " + number(value) + "; it must be " + (whole ? "a whole number " : "") + "in " + interval()
                + ".";
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Double.toString(v);
    }
}
