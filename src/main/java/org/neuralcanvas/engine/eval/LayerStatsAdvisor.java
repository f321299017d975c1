package org.neuralcanvas.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.stats.LayerStats;

/**
 * The advisor's notes from the layers' statistics (the Histograms tab's): dead ReLU units, and updates far from the
 * healthy size (an epoch of updates is many steps of about 1e-3 each, so its ratio is judged with room on both
 * sides: above 0.5 the weights are being rewritten each epoch; below 1e-6 they have stopped moving).
 */
public final class LayerStatsAdvisor {

    private static final Sentences SAY = EngineSentences.SAY;

    /** A layer whose share of never-active units on the fixed batch is above this has dead ReLUs. */
    public static final double DEAD = 0.5;
    public static final double EXPLODING = 0.5;
    public static final double VANISHING = 1e-6;

    private LayerStatsAdvisor() {
    }

    /** The notes for one epoch's statistics; each rule names its layer, so a run says each layer's once. */
    public static List<Advice> notes(int epoch, List<LayerStats> layers) {
        List<Advice> notes = new ArrayList<>();
        for (LayerStats l : layers) {
            if (Double.isFinite(l.deadShare()) && l.deadShare() > DEAD && l.weights() != null) {
                notes.add(new Advice("dead_units:" + l.name(), epoch, "activations", SAY.say("advice.deadUnits",
                        l.name(), Math.round(100 * l.deadShare()), epoch)));
            }
            if (Double.isFinite(l.updateRatio()) && l.updateRatio() > EXPLODING) {
                notes.add(new Advice("exploding:" + l.name(), epoch, "update_ratio", SAY.say("advice.explodingUpdates",
                        l.name(), ratio(l.updateRatio()), epoch)));
            } else if (Double.isFinite(l.updateRatio()) && l.updateRatio() < VANISHING && l.updateRatio() > 0) {
                notes.add(new Advice("vanishing:" + l.name(), epoch, "update_ratio", SAY.say("advice.vanishingUpdates",
                        l.name(), ratio(l.updateRatio()), epoch)));
            }
        }
        return notes;
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.1e", r);
    }
}
