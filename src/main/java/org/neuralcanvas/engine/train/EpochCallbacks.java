package org.neuralcanvas.engine.train;

import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.project.CallbackSettings;

/**
 * Keras's EarlyStopping, ReduceLROnPlateau and ModelCheckpoint, decided after each epoch. Holds
 * no DL4J state: the session applies what it decides. A monitor whose name holds "acc" is
 * maximised, anything else minimised, as Keras's mode='auto' does.
 */
final class EpochCallbacks {

    private static final Sentences SAY = EngineSentences.SAY;

    /** What the session should do after an epoch. */
    record Decision(boolean stop, String stopReason, double newLearningRate, boolean improvedForEarlyStopping,
                    boolean saveCheckpoint) {
    }

    private final CallbackSettings settings;
    private final Tracker early;
    private final Tracker plateau;
    private final Tracker checkpoint;

    EpochCallbacks(CallbackSettings settings) {
        this.settings = settings;
        this.early = new Tracker(settings.earlyStopping().monitor());
        this.plateau = new Tracker(settings.reduceLrOnPlateau().monitor());
        this.checkpoint = new Tracker(settings.checkpoint().monitor());
    }

    Decision afterEpoch(EpochResult r, double learningRate) {
        boolean stop = false;
        String reason = "";
        boolean improved = false;
        CallbackSettings.EarlyStopping es = settings.earlyStopping();
        if (es.enabled()) {
            improved = early.update(r);
            if (!improved && early.wait >= es.patience()) {
                stop = true;
                reason = es.restoreBestWeights()
                        ? SAY.say("callbacks.earlyStopping.restored", es.monitor(), es.patience(), String.valueOf(early.bestEpoch))
                        : SAY.say("callbacks.earlyStopping", es.monitor(), es.patience());
            }
        }
        double lr = learningRate;
        CallbackSettings.ReduceLrOnPlateau rp = settings.reduceLrOnPlateau();
        if (rp.enabled() && !plateau.update(r) && plateau.wait >= rp.patience()) {
            lr = Math.max(rp.minLr(), learningRate * rp.factor());
            plateau.wait = 0;
        }
        boolean save = false;
        CallbackSettings.Checkpoint cp = settings.checkpoint();
        if (cp.enabled()) {
            save = checkpoint.update(r) || !cp.saveBestOnly();
        }
        return new Decision(stop, reason, lr, improved, save);
    }

    /** Best value of one monitored metric and epochs since it improved. */
    private static final class Tracker {
        private final String monitor;
        private final boolean maximise;
        private double best = Double.NaN;
        private int bestEpoch;
        private int wait;

        Tracker(String monitor) {
            this.monitor = monitor;
            this.maximise = monitor.contains("acc");
        }

        /** True when this epoch is the best so far; a metric the epoch lacks never improves. */
        boolean update(EpochResult r) {
            double v = r.get(monitor);
            if (Double.isNaN(v)) {
                wait++;
                return false;
            }
            if (Double.isNaN(best) || (maximise ? v > best : v < best)) {
                best = v;
                bestEpoch = r.epoch();
                wait = 0;
                return true;
            }
            wait++;
            return false;
        }
    }
}
