package org.neuralcanvas.ui.training;

import java.util.Locale;
import java.util.Map;

/**
 * Keras's {@code fit(verbose=1)} lines: {@code Epoch 3/5} and
 * {@code 469/469 [==============================] - 2s 4ms/step - loss: 0.0712 - accuracy: 0.9787}.
 * Pure text, no JavaFX: the one home of this format (the CLI can take it from here if it moves down).
 */
public final class KerasLog {

    private static final int BAR = 30;

    private KerasLog() {
    }

    public static String epochHeader(int epoch, int epochs) {
        return "Epoch " + epoch + "/" + epochs;
    }

    /**
     * A progress line; {@code metrics} may be empty while the epoch runs.
     *
     * @param seconds time spent in the epoch so far
     */
    public static String progress(int batch, int batches, double seconds, Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        String total = String.valueOf(batches);
        sb.append(" ".repeat(Math.max(0, total.length() - String.valueOf(batch).length()))).append(batch).append('/')
                .append(total).append(' ').append(bar(batch, batches)).append(" - ");
        if (batch >= batches) {
            sb.append(Math.round(seconds)).append("s ").append(Math.round(seconds * 1000 / Math.max(1, batches)))
                    .append("ms/step");
        } else {
            double eta = batch == 0 ? 0 : seconds / batch * (batches - batch);
            sb.append("ETA: ").append(Math.round(eta)).append('s');
        }
        metrics.forEach((name, value) -> {
            if (value != null && !value.isNaN()) {
                sb.append(" - ").append(name).append(": ").append(String.format(Locale.ROOT, "%.4f", value));
            }
        });
        return sb.toString();
    }

    static String bar(int batch, int batches) {
        if (batch >= batches) {
            return "[" + "=".repeat(BAR) + "]";
        }
        int done = (int) ((long) BAR * batch / Math.max(1, batches));
        return "[" + "=".repeat(done) + ">" + ".".repeat(BAR - done - 1) + "]";
    }
}
