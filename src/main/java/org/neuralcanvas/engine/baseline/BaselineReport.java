package org.neuralcanvas.engine.baseline;

import java.util.List;
import java.util.Optional;
import org.neuralcanvas.project.BaselineScores;

/**
 * The baselines of one run as plain values: their test-set scores (kept in the run's record), and the
 * least-squares line's prediction for each test sample in the test set's order (for the predicted-vs-true plot;
 * not kept, like the network's own predictions).
 *
 * @param scores                  one entry per baseline, in the order the Results tab lists them
 * @param leastSquaresPredictions per test sample; empty for a classifier
 */
public record BaselineReport(List<BaselineScores> scores, Optional<double[]> leastSquaresPredictions) {

    public BaselineReport {
        scores = List.copyOf(scores);
    }

    public static BaselineReport none() {
        return new BaselineReport(List.of(), Optional.empty());
    }

    public boolean isEmpty() {
        return scores.isEmpty();
    }
}
