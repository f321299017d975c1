package org.neuralcanvas.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neuralcanvas.engine.train.EpochResult;

/** Keras's CSVLogger format: {@code epoch,loss,accuracy,val_loss,...,lr,seconds}, one row per epoch (epoch 0-based as Keras). */
final class HistoryCsv {

    private HistoryCsv() {
    }

    static String of(List<EpochResult> history) {
        Set<String> columns = new LinkedHashSet<>();
        history.forEach(r -> columns.addAll(r.metrics().keySet()));
        List<String> header = new ArrayList<>(List.of("epoch"));
        header.addAll(columns);
        header.add("lr");
        header.add("seconds");
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (EpochResult r : history) {
            sb.append(r.epoch() - 1);
            for (String c : columns) {
                double v = r.get(c);
                sb.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append(',').append(String.format(Locale.ROOT, "%.6g", r.learningRate()));
            sb.append(',').append(String.format(Locale.ROOT, "%.3f", r.seconds())).append('\n');
        }
        return sb.toString();
    }
}
