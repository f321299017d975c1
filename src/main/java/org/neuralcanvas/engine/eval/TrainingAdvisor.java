package org.neuralcanvas.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.RunResults;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.engine.train.EpochResult;

/**
 * Reads a run's curves as a teacher would and says, in plain words, what they show and what to try: overfitting,
 * a loss that does not fall or that climbs, NaN, a learning rate ReduceLROnPlateau has cut to its floor, a model
 * that predicts one class. A pure function of what the run record keeps (its history, settings and test results),
 * so the notes of any stored run can be read again; the Training tab asks after every epoch and shows the new ones.
 */
public final class TrainingAdvisor {

    private static final Sentences SAY = EngineSentences.SAY;

    /** val_loss this much above its best counts as rising, not noise. */
    private static final double RISE = 1.05;
    /** Epochs after the best val_loss before overfitting is said. */
    private static final int EPOCHS_PAST_BEST = 2;

    private TrainingAdvisor() {
    }

    /**
     * Every note a stored run has, in words: those its history shows (read again now) and those kept with it from the
     * layers' statistics ({@link org.neuralcanvas.project.RunRecord#notes}), for the report.
     */
    public static List<String> allNotes(org.neuralcanvas.project.RunRecord run) {
        List<String> all = new ArrayList<>(notes(run.history(), run.settings(), run.results()).stream()
                .map(Advice::message).toList());
        run.notes().forEach(n -> all.add(n.startsWith("💡 ") ? n.substring("💡 ".length()) : n));
        return all;
    }

    /**
     * @param history one map per epoch ({@code loss}, {@code val_loss}, {@code learning_rate}, ...)
     * @param results the test results once evaluated, else null
     */
    public static List<Advice> notes(List<Map<String, Double>> history, TrainingSettings settings, RunResults results) {
        List<Advice> notes = new ArrayList<>();
        notANumber(history).ifPresent(notes::add);
        if (notes.isEmpty()) {
            overfitting(history).ifPresent(notes::add);
            loss(history).ifPresent(notes::add);
        }
        learningRateAtFloor(history, settings.callbacks()).ifPresent(notes::add);
        if (results != null) {
            oneClass(results, history.size()).ifPresent(notes::add);
        }
        return notes;
    }

    private static java.util.Optional<Advice> notANumber(List<Map<String, Double>> history) {
        for (int e = 0; e < history.size(); e++) {
            Double loss = history.get(e).get("loss");
            if (loss != null && !Double.isFinite(loss)) {
                return java.util.Optional.of(new Advice("nan", e + 1, "loss", SAY.say("advice.nan", e + 1)));
            }
        }
        return java.util.Optional.empty();
    }

    /** val_loss past its best by {@link #RISE} for {@link #EPOCHS_PAST_BEST} epochs, while the training loss fell. */
    private static java.util.Optional<Advice> overfitting(List<Map<String, Double>> history) {
        double[] val = series(history, "val_loss");
        double[] loss = series(history, "loss");
        if (val == null || loss == null) {
            return java.util.Optional.empty();
        }
        int best = 0;
        for (int e = 1; e < val.length; e++) {
            if (val[e] < val[best]) {
                best = e;
            }
        }
        int last = val.length - 1;
        if (last - best >= EPOCHS_PAST_BEST && val[last] > val[best] * RISE && loss[last] < loss[best]) {
            return java.util.Optional.of(new Advice("overfitting", best + 2, "val_loss", SAY.say("advice.overfitting",
                    best + 2, number(val[best]), best + 1, number(val[last]))));
        }
        return java.util.Optional.empty();
    }

    /** After three epochs: a loss that has barely moved, or one that has climbed well above where it started. */
    private static java.util.Optional<Advice> loss(List<Map<String, Double>> history) {
        double[] loss = series(history, "loss");
        if (loss == null || loss.length < 3 || loss[0] < 1e-3) {
            return java.util.Optional.empty();
        }
        double first = loss[0];
        double last = loss[loss.length - 1];
        if (last > 1.5 * first) {
            return java.util.Optional.of(new Advice("diverging", loss.length, "loss",
                    SAY.say("advice.diverging", number(first), number(last))));
        }
        if (last > 0.98 * first) {
            return java.util.Optional.of(new Advice("flat_loss", loss.length, "loss",
                    SAY.say("advice.flatLoss", loss.length, number(first), number(last))));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Advice> learningRateAtFloor(List<Map<String, Double>> history,
                                                                  CallbackSettings callbacks) {
        CallbackSettings.ReduceLrOnPlateau plateau = callbacks.reduceLrOnPlateau();
        if (!plateau.enabled() || plateau.minLr() <= 0) {
            return java.util.Optional.empty();
        }
        for (int e = 0; e < history.size(); e++) {
            Double lr = history.get(e).get(EpochResult.LEARNING_RATE);
            if (lr != null && lr <= plateau.minLr() * (1 + 1e-9)) {
                return java.util.Optional.of(new Advice("lr_floor", e + 1, EpochResult.LEARNING_RATE,
                        SAY.say("advice.lrFloor", e + 1, number(plateau.minLr()))));
            }
        }
        return java.util.Optional.empty();
    }

    /** Nearly every test sample predicted as one class, far more often than that class occurs. */
    private static java.util.Optional<Advice> oneClass(RunResults results, int epochs) {
        long[][] confusion = results.confusion();
        if (confusion.length < 2) {
            return java.util.Optional.empty();
        }
        long total = 0;
        long[] predicted = new long[confusion.length];
        long[] actual = new long[confusion.length];
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion[a].length; p++) {
                predicted[p] += confusion[a][p];
                actual[a] += confusion[a][p];
                total += confusion[a][p];
            }
        }
        int top = 0;
        for (int p = 1; p < predicted.length; p++) {
            if (predicted[p] > predicted[top]) {
                top = p;
            }
        }
        if (total == 0) {
            return java.util.Optional.empty();
        }
        double share = (double) predicted[top] / total;
        double occurs = (double) actual[top] / total;
        if (share >= 0.95 && occurs < 0.9) {
            String name = top < results.classNames().size() ? results.classNames().get(top) : String.valueOf(top);
            return java.util.Optional.of(new Advice("one_class", Math.max(1, epochs), "accuracy",
                    SAY.say("advice.oneClass", name, percent(share), percent(occurs))));
        }
        return java.util.Optional.empty();
    }

    /** The column over all epochs, or null where an epoch lacks it. */
    private static double[] series(List<Map<String, Double>> history, String key) {
        if (history.isEmpty()) {
            return null;
        }
        double[] values = new double[history.size()];
        for (int e = 0; e < values.length; e++) {
            Double v = history.get(e).get(key);
            if (v == null) {
                return null;
            }
            values[e] = v;
        }
        return values;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f", 100 * share);
    }
}
