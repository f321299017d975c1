package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.neuralcanvas.project.FoldSummary;
import org.neuralcanvas.engine.train.KerasLine;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingListener;

/**
 * Prints a K-fold run as the Boston-housing notes' loop does with {@code verbose=0}: one line per fold (its last
 * epoch's metrics, Keras-style), then a table of the folds' scores with their mean and spread, and the epoch the
 * smoothed mean curve suggests for the final model. Runs on the training thread.
 */
final class FoldProgress implements TrainingListener {

    private final PrintStream out;
    private final int epochs;
    private long foldStart;
    private volatile String endMessage = "";

    FoldProgress(PrintStream out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    String endMessage() {
        return endMessage;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.FoldStarted f) {
            out.println("Processing fold " + f.fold() + "/" + f.folds() + " (" + epochs + " epochs)");
            foldStart = System.nanoTime();
        } else if (event instanceof TrainingEvent.FoldEnded f) {
            out.println(KerasLine.foldLine(f.fold(), f.folds(), f.history(), (System.nanoTime() - foldStart) / 1e9));
            out.flush();
        } else if (event instanceof TrainingEvent.CallbackActed c) {
            out.println(c.line());
        } else if (event instanceof TrainingEvent.StateChanged s && !s.message().isEmpty()) {
            endMessage = s.message();
        }
    }

    /** The table after the folds: each fold's score, their mean ± spread, and the suggested epochs. */
    static List<String> table(FoldSummary s) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "%-6s %s", "fold", s.key()));
        double[] scores = s.scores();
        for (int i = 0; i < scores.length; i++) {
            lines.add(String.format(java.util.Locale.ROOT, "%-6d %s", i + 1, KerasLine.format(scores[i])));
        }
        lines.add(String.format(java.util.Locale.ROOT, "%-6s %s ± %s", "mean", KerasLine.format(s.meanScore()),
                KerasLine.format(s.spread())));
        int best = s.bestEpoch();
        if (best > 0) {
            // The mean at that epoch, not the smoothed value: the moving average starts from epoch 1 and lags.
            lines.add("The smoothed mean " + s.key() + " is " + (s.higherIsBetter() ? "highest" : "lowest")
                    + " at epoch " + best + " (mean " + KerasLine.format(s.meanCurve(s.key())[best - 1]) + ").");
        }
        return lines;
    }
}
