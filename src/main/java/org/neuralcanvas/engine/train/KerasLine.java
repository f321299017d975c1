package org.neuralcanvas.engine.train;

import java.util.Locale;
import java.util.Map;

/**
 * The one home of Keras's {@code fit(verbose=1)} text: {@code Epoch 3/5}, the running line
 * {@code 131/469 [========>.....................] - ETA: 5s - loss: 0.0712} and the finished line
 * {@code 469/469 [==============================] - 4s 8ms/step - loss: 0.0712 - accuracy: 0.9787}.
 * Used by the command line's progress printer and the dashboard's log.
 */
public final class KerasLine {

    private static final int WIDTH = 30;

    private KerasLine() {
    }

    /** ReduceLROnPlateau's verbose line: {@code Epoch 23: ReduceLROnPlateau reducing learning rate to 0.0001.} */
    public static String reducedLearningRate(int epoch, double learningRate) {
        return "Epoch " + epoch + ": ReduceLROnPlateau reducing learning rate to " + rate(learningRate) + ".";
    }

    /**
     * A learning rate as Python prints Keras's float32 one: {@code 0.0001}, {@code 0.05}, {@code 1e-05},
     * {@code 5e-10} (not Java's {@code 1.0E-4}).
     */
    public static String rate(double learningRate) {
        float f = (float) learningRate;
        java.math.BigDecimal d = new java.math.BigDecimal(Float.toString(f)).stripTrailingZeros();
        if (f == 0 || d.abs().compareTo(new java.math.BigDecimal("0.0001")) >= 0) {
            return d.scale() <= 0 ? d.toPlainString() + ".0" : d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointRight(-exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e-" + String.format(Locale.ROOT, "%02d", -exponent);
    }

    /** ModelCheckpoint's verbose line: {@code Epoch 5: val_loss improved, saving model to /…/best.zip}. */
    /** A paused run resumed with changed settings ({@code changes}: Keras's names and the new values). */
    public static String resumedWith(int epoch, int batch, java.util.List<String> changes) {
        return "Epoch " + epoch + ", batch " + batch + ": resumed with " + String.join(", ", changes) + ".";
    }

    public static String checkpoint(int epoch, String monitor, boolean bestOnly, String path) {
        return "Epoch " + epoch + ": " + (bestOnly ? monitor + " improved, saving" : "saving") + " model to " + path;
    }

    public static String epochHeader(int epoch, int epochs) {
        return "Epoch " + epoch + "/" + epochs;
    }

    /** The line while an epoch runs: counter, bar, ETA and the mean loss so far. */
    public static String running(int batch, int batches, double secondsSoFar, double meanLoss) {
        double eta = batch == 0 ? 0 : secondsSoFar / batch * (batches - batch);
        return counter(batch, batches) + " " + bar(batch, batches) + " - ETA: " + Math.round(eta) + "s"
                + (Double.isNaN(meanLoss) ? "" : " - loss: " + format(meanLoss));
    }

    /** The finished line of one epoch (or of an evaluation). */
    public static String epochLine(int batches, double seconds, Map<String, Double> metrics) {
        StringBuilder sb = new StringBuilder();
        sb.append(counter(batches, batches)).append(' ').append(bar(batches, batches)).append(" - ")
                .append(Math.round(seconds)).append("s ").append(perStep(seconds / Math.max(1, batches)));
        metrics.forEach((k, v) -> sb.append(" - ").append(k).append(": ").append(format(v)));
        return sb.toString();
    }

    /**
     * The line a K-fold run prints when a fold ends, as the Boston-housing notes' loop does with {@code verbose=0}:
     * {@code Fold 1/4 - 100 epochs - 3s - loss: 5.1234 - mae: 1.6012 - val_loss: 9.8765 - val_mae: 2.2345}, the
     * metrics of the fold's last epoch in Keras's order (loss, the metrics, then the same for validation).
     */
    public static String foldLine(int fold, int folds, java.util.List<Map<String, Double>> history, double seconds) {
        return resultLine("Fold " + fold + "/" + folds, history, seconds);
    }

    /**
     * {@code HEAD - N epochs - Ns - loss: … - val_loss: …}: a whole run in one line (a fold, a search's trial), the
     * metrics of its last epoch in Keras's order.
     */
    public static String resultLine(String head, java.util.List<Map<String, Double>> history, double seconds) {
        StringBuilder sb = new StringBuilder(head + " - " + history.size() + " epochs - " + Math.round(seconds) + "s");
        if (!history.isEmpty()) {
            Map<String, Double> last = history.get(history.size() - 1);
            last.keySet().stream().filter(k -> !k.equals("learning_rate"))
                    .sorted(java.util.Comparator.comparing((String k) -> k.startsWith("val_"))
                            .thenComparing(k -> !k.endsWith("loss")))
                    .forEach(k -> sb.append(" - ").append(k).append(": ").append(format(last.get(k))));
        }
        return sb.toString();
    }

    public static String counter(int batch, int batches) {
        String total = String.valueOf(batches);
        return " ".repeat(Math.max(0, total.length() - String.valueOf(batch).length())) + batch + "/" + total;
    }

    /** Keras's bar: '=' for done, '>' at the front while running, '.' for the rest. */
    public static String bar(int batch, int batches) {
        int done = (int) (WIDTH * (double) batch / Math.max(1, batches));
        StringBuilder sb = new StringBuilder("[");
        if (done > 0) {
            sb.append("=".repeat(done - 1)).append(batch < batches ? '>' : '=');
        }
        sb.append(".".repeat(WIDTH - done)).append(']');
        return sb.toString();
    }

    static String perStep(double seconds) {
        if (seconds >= 1) {
            return Math.round(seconds) + "s/step";
        }
        if (seconds >= 1e-3) {
            return Math.round(seconds * 1e3) + "ms/step";
        }
        return Math.round(seconds * 1e6) + "us/step";
    }

    public static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
