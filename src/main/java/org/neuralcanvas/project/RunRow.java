package org.neuralcanvas.project;

import java.util.List;
import java.util.Map;

/**
 * One line of the Runs table: what a run scored and how long its epochs took.
 *
 * @param key             the validation score compared: {@code val_} + the first metric, else {@code val_loss}
 * @param best            its best value over the epochs (lowest, or highest for accuracy); NaN without validation
 * @param bestEpoch       the epoch of {@code best} (numbered as the log did); 0 without validation
 * @param last            its value at the last epoch; NaN without validation
 * @param testKey         the test score shown: the first metric, else the loss
 * @param test            the test set's value of it; NaN where the run was not evaluated
 * @param secondsPerEpoch 0 where it was not measured
 */
public record RunRow(RunRecord run, String key, double best, int bestEpoch, double last, String testKey, double test,
                     double secondsPerEpoch) {

    public static RunRow of(RunRecord run) {
        List<String> metrics = run.settings().metrics();
        String metric = metrics.isEmpty() ? "loss" : metrics.get(0);
        String key = "val_" + metric;
        boolean higher = TrainingSettings.higherIsBetter(key);
        double best = Double.NaN;
        int bestEpoch = 0;
        double last = Double.NaN;
        List<Map<String, Double>> h = run.history();
        for (int i = 0; i < h.size(); i++) {
            Double v = h.get(i).get(key);
            if (v == null || !Double.isFinite(v)) {
                continue;
            }
            last = v;
            if (Double.isNaN(best) || (higher ? v > best : v < best)) {
                best = v;
                bestEpoch = run.firstEpoch() + i;
            }
        }
        Double test = run.results() == null ? null : run.results().scores().get(metric);
        return new RunRow(run, key, best, bestEpoch, last, metric, test == null ? Double.NaN : test, run.secondsPerEpoch());
    }

    /**
     * The best of the runs that share the first run's score: by the test score where every one of them has it, else
     * by the best validation score; -1 when none can be ranked.
     */
    public static int bestOf(List<RunRow> rows) {
        if (rows.isEmpty()) {
            return -1;
        }
        String key = rows.get(0).key();
        List<RunRow> same = rows.stream().filter(r -> r.key().equals(key)).toList();
        boolean byTest = same.stream().allMatch(r -> Double.isFinite(r.test()));
        boolean higher = TrainingSettings.higherIsBetter(key);
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            RunRow r = rows.get(i);
            double v = byTest ? r.test() : r.best();
            if (!r.key().equals(key) || !Double.isFinite(v)) {
                continue;
            }
            double b = best < 0 ? Double.NaN : byTest ? rows.get(best).test() : rows.get(best).best();
            if (best < 0 || (higher ? v > b : v < b)) {
                best = i;
            }
        }
        return best;
    }
}
