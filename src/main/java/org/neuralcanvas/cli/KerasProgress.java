package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.KerasLine;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingListener;

/**
 * Prints training as Keras's {@code fit(verbose=1)} does: {@code Epoch 1/5}, then
 * {@code 469/469 [==============================] - 4s 8ms/step - loss: 0.2571 - accuracy: 0.9254}.
 * On a terminal the bar is redrawn in place at most ten times a second; elsewhere only the
 * finished line of each epoch is printed. Runs on the training thread, so it stays cheap.
 */
final class KerasProgress implements TrainingListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final int totalEpochs;
    private final boolean interactive;
    private long lastDraw;
    private long epochStart;
    private double lossSum;
    private int lastBatch;
    private int batches;
    private volatile String endMessage = "";

    KerasProgress(PrintStream out, int totalEpochs, boolean interactive) {
        this.out = out;
        this.totalEpochs = totalEpochs;
        this.interactive = interactive;
    }

    String endMessage() {
        return endMessage;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.BatchEnded b) {
            if (b.batch() == 1) {
                out.println("Epoch " + b.epoch() + "/" + totalEpochs);
                epochStart = System.nanoTime();
                lossSum = 0;
            }
            lossSum += b.loss();
            lastBatch = b.batch();
            batches = b.batches();
            long now = System.nanoTime();
            if (interactive && b.batch() < b.batches() && now - lastDraw > REDRAW_NANOS) {
                lastDraw = now;
                double elapsed = (now - epochStart) / 1e9;
                double eta = elapsed / b.batch() * (b.batches() - b.batch());
                out.print("\r" + counter(b.batch(), b.batches()) + " " + bar(b.batch(), b.batches()) + " - ETA: "
                        + Math.round(eta) + "s - loss: " + format(lossSum / b.batch()));
                out.flush();
            }
        } else if (event instanceof TrainingEvent.EpochEnded e) {
            EpochResult r = e.result();
            out.println((interactive ? "\r" : "") + epochLine(batches, r.seconds(), r.metrics()));
            out.flush();
        } else if (event instanceof TrainingEvent.CallbackActed c) {
            out.println(c.line());
            out.flush();
        } else if (event instanceof TrainingEvent.StateChanged s && !s.message().isEmpty()) {
            if (lastBatch > 0 && lastBatch < batches && interactive) {
                out.println();
            }
            endMessage = s.message();
        }
    }

    /** {@code Test: 10000 samples - loss: 0.0712 - accuracy: 0.9781}, after a run and for {@code evaluate}. */
    static String testLine(org.neuralcanvas.engine.eval.EvaluationReport report) {
        return "Test: " + report.samples() + " samples - " + String.join(" - ", report.scores().entrySet().stream()
                .map(e -> e.getKey() + ": " + format(e.getValue())).toList());
    }

    /** The finished line of one epoch (or of an evaluation): {@link KerasLine}, the one home of the format. */
    static String epochLine(int batches, double seconds, Map<String, Double> metrics) {
        return KerasLine.epochLine(batches, seconds, metrics);
    }

    private static String counter(int batch, int batches) {
        return KerasLine.counter(batch, batches);
    }

    static String bar(int batch, int batches) {
        return KerasLine.bar(batch, batches);
    }

    static String format(double v) {
        return KerasLine.format(v);
    }
}
