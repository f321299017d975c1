package org.neuralcanvas.domain.layer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Keras weight regularizer, L1 and/or L2: the penalty {@code l1 · Σ|w| + l2 · Σw²} added to the loss. A layer
 * keeps it as the text Keras users write ({@code l2(0.001)}, {@code l1(0.01)}, {@code l1_l2(l1=0.01, l2=0.01)}),
 * which {@link #parse} reads and {@link #text} writes.
 */
public record Regularizer(double l1, double l2) {

    private static final Pattern ONE = Pattern.compile("(l1|l2)\\(\\s*(?:\\1\\s*=\\s*)?([-+0-9.eE]+)\\s*\\)");
    private static final Pattern BOTH = Pattern.compile(
            "l1_l2\\(\\s*(?:l1\\s*=\\s*)?([-+0-9.eE]+)\\s*,\\s*(?:l2\\s*=\\s*)?([-+0-9.eE]+)\\s*\\)");

    /** The regularizer a text names, or empty when it names none (or a negative factor). */
    public static Optional<Regularizer> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            Matcher one = ONE.matcher(t);
            if (one.matches()) {
                double v = Double.parseDouble(one.group(2));
                return valid(one.group(1).equals("l1") ? new Regularizer(v, 0) : new Regularizer(0, v));
            }
            Matcher both = BOTH.matcher(t);
            if (both.matches()) {
                return valid(new Regularizer(Double.parseDouble(both.group(1)), Double.parseDouble(both.group(2))));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Regularizer> valid(Regularizer r) {
        return r.l1 >= 0 && r.l2 >= 0 && Double.isFinite(r.l1) && Double.isFinite(r.l2) ? Optional.of(r)
                : Optional.empty();
    }

    /** {@code l2(0.001)}, {@code l1(0.01)} or {@code l1_l2(l1=0.01, l2=0.001)}. */
    public String text() {
        if (l1 > 0 && l2 > 0) {
            return "l1_l2(l1=" + l1 + ", l2=" + l2 + ")";
        }
        return l1 > 0 ? "l1(" + l1 + ")" : "l2(" + l2 + ")";
    }

    /** Keras 3's class for it: L1, L2 or L1L2. */
    public String kerasClass() {
        return l1 > 0 && l2 > 0 ? "L1L2" : l1 > 0 ? "L1" : "L2";
    }
}
