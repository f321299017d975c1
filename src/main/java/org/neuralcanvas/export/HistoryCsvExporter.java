package org.neuralcanvas.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.project.RunRecord;

/**
 * A run's training history as CSV, one row per epoch, like Keras's {@code CSVLogger} (but epochs count
 * from 1, as the training log shows them): {@code epoch}, {@code loss}, the other training metrics, then the
 * validation ones, and last the learning rate the epoch ended with. A value an epoch does not have is left empty.
 */
public final class HistoryCsvExporter {

    /** The key the engine gives the learning rate in a run's history (export may not import the engine). */
    static final String LEARNING_RATE = "learning_rate";

    public String export(RunRecord run) {
        List<String> columns = columns(run.history());
        StringBuilder sb = new StringBuilder("epoch");
        columns.forEach(c -> sb.append(',').append(c));
        sb.append('\n');
        for (int i = 0; i < run.history().size(); i++) {
            Map<String, Double> epoch = run.history().get(i);
            sb.append(i + 1);
            for (String c : columns) {
                sb.append(',');
                Double v = epoch.get(c);
                if (v != null && !v.isNaN()) {
                    sb.append(number(v));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** loss first, then the other metrics alphabetically, then val_loss and the other val_ metrics, then learning_rate. */
    static List<String> columns(List<Map<String, Double>> history) {
        Set<String> all = new java.util.TreeSet<>();
        history.forEach(e -> all.addAll(e.keySet()));
        all.remove("epoch");
        boolean rate = all.remove(LEARNING_RATE);
        Set<String> ordered = new LinkedHashSet<>();
        if (all.contains("loss")) {
            ordered.add("loss");
        }
        all.stream().filter(c -> !c.startsWith("val_")).forEach(ordered::add);
        if (all.contains("val_loss")) {
            ordered.add("val_loss");
        }
        all.stream().filter(c -> c.startsWith("val_")).forEach(ordered::add);
        if (rate) {
            ordered.add(LEARNING_RATE);
        }
        return new ArrayList<>(ordered);
    }

    /** Java's shortest round-trip form, without an exponent for ordinary values. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        String s = Double.toString(v);
        return s.contains("E") ? new java.math.BigDecimal(s).stripTrailingZeros().toPlainString() : s;
    }
}
