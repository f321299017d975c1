package org.neuralcanvas.project;

import java.util.Locale;
import org.neuralcanvas.domain.text.Sentences;

/**
 * The values a training setting may take, declared once and read by every place that checks one:
 * the Train panel's fields (red, with this sentence in their tooltip), the Problems list of a loaded
 * project, the compiler (before anything is built) and the command line. The sentences are the layer
 * parameters' own ({@code param.atLeast}, {@code param.atMost}, ... of the domain's bundle), so a
 * setting and a layer parameter out of range read alike, in the window's language.
 *
 * @param name  the Keras argument, e.g. {@code learning_rate}
 * @param whole whether only whole numbers are allowed
 */
public record SettingRange(String name, double min, boolean minIncluded, double max, boolean maxIncluded,
                           boolean whole) {

    private static final Sentences SAY = Sentences.DOMAIN;

    public boolean allows(double v) {
        return problem(v) == null;
    }

    /** {@code (0, 10]}, {@code [1, 100,000]}, {@code [0, ∞)}. */
    public String interval() {
        return (minIncluded ? "[" : "(") + number(min) + ", " + (Double.isInfinite(max) ? "∞" : number(max))
                + (maxIncluded && !Double.isInfinite(max) ? "]" : ")");
    }

    /**
     * What is wrong with a value, as the one sentence every place shows ({@code learning_rate must be at most 10;
     * it is 1,000,000.}); null when the value is allowed.
     */
    public String problem(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return SAY.say("param.finite", name);
        }
        if (whole && v != Math.rint(v)) {
            return SAY.say("param.int", name, number(v));
        }
        if (minIncluded ? v < min : v <= min) {
            return SAY.say(minIncluded ? "param.atLeast" : "param.above", name, number(min), number(v));
        }
        if (maxIncluded ? v > max : v >= max) {
            return SAY.say(maxIncluded ? "param.atMost" : "param.below", name, number(max), number(v));
        }
        return null;
    }

    /** The sentence for a text that is no number at all ({@code learning_rate must be a number; it is abc.}). */
    public String notANumber(String text) {
        return SAY.say(whole ? "param.int" : "param.number", name, text);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Double.toString(v);
    }
}
