package org.neuralcanvas.export.keras;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Python literals and identifiers as a Keras script writes them: tuples, True/False, None, 'strings'. */
public final class PythonSyntax {

    private static final Set<String> RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "keras", "layers", "model", "np", "history", "inputs", "outputs",
            "x_train", "y_train", "x_test", "y_test");

    private PythonSyntax() {
    }

    /** A value as a Python literal: {@code (3, 3)}, {@code (784,)}, {@code True}, {@code None}, {@code 'relu'}, {@code 0.001}. */
    public static String literal(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(literal(list.get(i)));
            }
            return sb.append(list.size() == 1 ? ",)" : ")").toString();
        }
        return value.toString();
    }

    /** A float as Python writes it: 0.5, 0.001, 1e-07 style for tiny values, never locale-dependent. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "float('nan')";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "float('inf')" : "float('-inf')";
        }
        double abs = Math.abs(v);
        if (abs != 0 && (abs < 1e-4 || abs >= 1e16)) {
            return Double.toString(v).replace('E', 'e');
        }
        String plain = new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** A single-quoted Python string with backslashes, quotes and control characters escaped. */
    public static String string(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }

    /** A variable name for a layer name: letters, digits and underscores, not a keyword or one of the script's own names. */
    public static String identifier(String name) {
        String id = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (id.isEmpty() || Character.isDigit(id.charAt(0))) {
            id = "l_" + id;
        }
        return RESERVED.contains(id) ? id + "_" : id;
    }
}
