package org.neuralcanvas.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's settings in Keras's words, one text per setting ({@code learning_rate → 0.001}, {@code epochs → 5}): what
 * the Runs tab compares two runs by and the published-result check compares a run with its tutorial by.
 */
public final class RunSettingsWords {

    private RunSettingsWords() {
    }

    /** The settings by Keras name, in the Train panel's order; epochs are those trained, not those asked for. */
    public static Map<String, String> of(RunRecord run) {
        TrainingSettings s = run.settings();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", run.datasetId());
        m.put("loss", s.loss());
        m.put("optimizer", s.optimizer().name());
        m.put("learning_rate", number(s.optimizer().learningRate()));
        m.put("metrics", String.join(", ", s.metrics()));
        // A run stopped at epoch 3 of 5 trained 3 (a continued one: its parent's too).
        m.put("epochs", Integer.toString(run.firstEpoch() - 1 + run.history().size()));
        m.put("batch_size", Integer.toString(s.batchSize()));
        m.put("validation", s.validation().isKFold() ? "k_fold " + s.validation().folds() : s.validation().kind().word());
        m.put("validation_split", number(s.validationSplit()));
        m.put("shuffle", Boolean.toString(s.shuffle()));
        m.put("seed", Long.toString(s.seed()));
        CallbackSettings c = s.callbacks();
        m.put("EarlyStopping", c.earlyStopping().enabled()
                ? c.earlyStopping().monitor() + ", patience " + c.earlyStopping().patience() : "off");
        m.put("ReduceLROnPlateau", c.reduceLrOnPlateau().enabled()
                ? c.reduceLrOnPlateau().monitor() + ", factor " + number(c.reduceLrOnPlateau().factor()) : "off");
        return m;
    }

    /** The settings of {@code run} that differ from {@code other}'s: {@code learning_rate 0.01 (run-1: 0.001)}. */
    public static List<String> differences(RunRecord run, RunRecord other) {
        Map<String, String> mine = of(run);
        Map<String, String> theirs = of(other);
        List<String> found = new ArrayList<>();
        mine.forEach((k, v) -> {
            if (!Objects.equals(v, theirs.get(k))) {
                found.add(k + " " + v + " (" + other.id() + ": " + theirs.get(k) + ")");
            }
        });
        return found;
    }

    /** A number as a person writes it: 0.001, 2.5, 64 (no trailing zeros, no grouping, no exponent). */
    public static String number(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }
}
