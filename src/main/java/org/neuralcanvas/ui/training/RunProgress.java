package org.neuralcanvas.ui.training;

import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.KerasLine;
import org.neuralcanvas.engine.train.TrainingEvent;

/**
 * What the dashboard shows of the run in progress besides the charts: the epoch and run progress,
 * the clock with its ETA, and the Keras-style log. Fed by the drain from the session's events.
 * Epoch ends show at once; the within-epoch progress, the live log line and the clock change once
 * every {@link #LIVE_INTERVAL_NANOS} (and the faint batch curve with them, see {@link #refresh}): on
 * a small CPU every repaint is taken from training's threads. FX thread only.
 */
public final class RunProgress {

    static final long LIVE_INTERVAL_NANOS = 1_000_000_000L;

    private final LongSupplier clock;
    private final DoubleProperty epochProgress = new SimpleDoubleProperty();
    private final DoubleProperty runProgress = new SimpleDoubleProperty();
    private final StringProperty epochText = new SimpleStringProperty("");
    private final StringProperty timeText = new SimpleStringProperty("");
    private final ObservableList<String> log = FXCollections.observableArrayList();

    private int firstEpoch = 1;
    private int epochs = 1;
    private long startNanos;
    private long epochStartNanos;
    /** When the run was paused, or -1: paused time is kept out of the clock, the ETA and the ms/step. */
    private long pausedSince = -1;
    private long lastLiveUpdate;
    private TrainingEvent.BatchEnded pendingBatch;
    private int batchesPerEpoch = 1;
    private double epochLossSum;
    /** Between an epoch's first batch and its end: the log's last line is its running line. */
    private boolean inEpoch;
    /** K-fold: the fold in progress and how many there are (1 of 1 for any other run), and when it began. */
    private int fold = 1;
    private int folds = 1;
    private long foldStartNanos;

    public RunProgress() {
        this(System::nanoTime);
    }

    RunProgress(LongSupplier clock) {
        this.clock = clock;
    }

    /** A run was asked for: everything from the last one is cleared; the preparation's steps fill the run bar. */
    void clear() {
        log.clear();
        pendingBatch = null;
        inEpoch = false;
        fold = 1;
        folds = 1;
        epochProgress.set(0);
        runProgress.set(0);
        epochText.set("");
        timeText.set("");
    }

    /**
     * A step of the run's preparation (compiling, reading the data, readying the model): the run bar shows how far the
     * preparation is, determinate (an indeterminate bar is an animation, redrawn 60 times a second), and the epoch's
     * label says what is being done.
     *
     * @param done the steps done before this one
     */
    void preparing(int done, int steps, String what) {
        runProgress.set(done / (double) steps);
        epochText.set(what);
    }

    /** A paused run resumed with another number of epochs for the whole run. */
    void retarget(int epochs) {
        this.epochs = Math.max(1, epochs);
    }

    /** The session started: epochs {@code firstEpoch} to {@code firstEpoch + epochs - 1} (Keras's numbering goes on when continuing). */
    void begin(int firstEpoch, int epochs) {
        pausedSince = -1;
        this.firstEpoch = firstEpoch;
        this.epochs = epochs;
        startNanos = clock.getAsLong();
        epochStartNanos = startNanos;
        lastLiveUpdate = 0;
        // Determinate from here: an indeterminate bar is an animation, 60 redraws a second taken from training.
        runProgress.set(0);
    }

    /** A K-fold run's fold begins: the run bar spans all the folds' epochs, the log says which fold this is. */
    void foldStarted(int fold, int folds) {
        this.fold = fold;
        this.folds = Math.max(1, folds);
        foldStartNanos = clock.getAsLong();
        log.add("Fold " + fold + "/" + folds);
    }

    /** A fold ended: its Keras-style line under its epochs. */
    void foldEnded(int fold, int folds, java.util.List<java.util.Map<String, Double>> history) {
        log.add(KerasLine.foldLine(fold, folds, history, (clock.getAsLong() - foldStartNanos) / 1e9));
    }

    void batchEnded(TrainingEvent.BatchEnded b) {
        if (b.batch() == 1) {
            epochStartNanos = clock.getAsLong();
            log.add(KerasLine.epochHeader(b.epoch(), lastEpoch()));
            log.add(KerasLine.running(0, b.batches(), 0, Double.NaN));
            epochLossSum = 0;
            inEpoch = true;
        }
        epochLossSum += b.loss();
        pendingBatch = b;
        batchesPerEpoch = b.batches();
    }

    void epochEnded(EpochResult r) {
        if (pendingBatch != null) {
            showBatch(pendingBatch);
        }
        replaceLastLine(KerasLine.epochLine(batchesPerEpoch, r.seconds(), r.metrics()));
        pendingBatch = null;
        inEpoch = false;
    }

    /** A line about the epoch in progress (a resume with new settings): above its running line, which keeps changing. */
    void noteWithinEpoch(String line) {
        if (pendingBatch != null || inEpoch) {
            log.add(Math.max(0, log.size() - 1), line);
        } else {
            log.add(line);
        }
    }

    /** A line of its own in the log (how the run ended, a warning). */
    void note(String line) {
        if (!line.isEmpty()) {
            log.add(line);
        }
    }

    /**
     * The end of a drain: the live parts, if their interval has passed; the clock only while {@code running}.
     *
     * @return whether this was a live moment, when the other within-epoch views (the batch curve) should
     *     change too: in the same drain, so the window is laid out and redrawn once for all of them
     */
    boolean refresh(boolean running) {
        long now = clock.getAsLong();
        if (now - lastLiveUpdate < LIVE_INTERVAL_NANOS) {
            return false;
        }
        if (pendingBatch != null) {
            showBatch(pendingBatch);
            pendingBatch = null;
        }
        if (running) {
            lastLiveUpdate = now;
            double elapsed = (now - startNanos) / 1e9;
            double p = runProgress.get();
            setText(timeText, elapsedText(elapsed) + (p > 0.01 ? "  ETA " + elapsedText(elapsed * (1 - p) / p) : ""));
        }
        return true;
    }

    /** The run paused: the clock stops. */
    void paused() {
        if (pausedSince < 0) {
            pausedSince = clock.getAsLong();
        }
    }

    /** The run resumed: the pause is taken out of the run's and the epoch's elapsed time. */
    void resumed() {
        if (pausedSince >= 0) {
            long pause = clock.getAsLong() - pausedSince;
            startNanos += pause;
            epochStartNanos += pause;
            foldStartNanos += pause;
            pausedSince = -1;
        }
    }

    /** The run is over: a finished epoch bar if it ended well, and the clock shows the run's length, no ETA. */
    void ended(boolean ok) {
        if (ok) {
            epochProgress.set(1);
        }
        timeText.set(elapsedText((clock.getAsLong() - startNanos) / 1e9));
    }

    private int lastEpoch() {
        return firstEpoch - 1 + epochs;
    }

    private void showBatch(TrainingEvent.BatchEnded b) {
        double within = (double) b.batch() / b.batches();
        epochProgress.set(within);
        runProgress.set(((fold - 1) * epochs + b.epoch() - firstEpoch + within) / ((double) folds * epochs));
        setText(epochText, (folds > 1 ? "Fold " + fold + "/" + folds + " · " : "") + KerasLine.epochHeader(b.epoch(), lastEpoch()));
        replaceLastLine(KerasLine.running(b.batch(), b.batches(), (clock.getAsLong() - epochStartNanos) / 1e9,
                epochLossSum / b.batch()));
    }

    /**
     * A StringProperty tells its listeners of every new String object, equal or not, and a label told
     * of a change lays itself out and is redrawn: the same "Epoch 3/5" twice a second is a repaint taken
     * from training for nothing.
     */
    private static void setText(StringProperty p, String text) {
        if (!text.equals(p.get())) {
            p.set(text);
        }
    }

    private void replaceLastLine(String line) {
        if (log.isEmpty()) {
            log.add(line);
        } else {
            log.set(log.size() - 1, line);
        }
    }

    static String elapsedText(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    public ReadOnlyDoubleProperty epochProgressProperty() {
        return epochProgress;
    }

    /** 0 to 1 over the run's epochs; while the run is prepared, how far the preparation is. */
    public ReadOnlyDoubleProperty runProgressProperty() {
        return runProgress;
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText;
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText;
    }

    /** The Keras-style log: an epoch header, then one line that grows into the epoch's result. */
    public ObservableList<String> log() {
        return log;
    }
}
