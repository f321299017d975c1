package org.neuralcanvas.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a K-fold run says, from its folds' curves alone (so a stored run reads the same): the mean curve, epoch by
 * epoch, over the epochs every fold reached (an early-stopped fold ends the mean where it ended); each fold's score
 * at its last epoch with their mean and spread; and the epoch where the mean validation curve is best, which the
 * Boston-housing notes read off the smoothed curve to choose the final model's epochs.
 *
 * @param folds each fold's history, one map per epoch
 * @param key   the score: {@code val_} + the first metric, else {@code val_loss}
 */
public record FoldSummary(List<List<Map<String, Double>>> folds, String key) {

    /** The exponential moving average the notes smooth the mean curve with ({@code smooth_curve(factor=0.9)}). */
    public static final double SMOOTHING = 0.9;

    public FoldSummary {
        folds = folds.stream().map(f -> f.stream().map(Map::copyOf).toList()).toList();
    }

    /** The summary of folds trained with these settings: scored on their first metric's validation value. */
    public static FoldSummary of(List<List<Map<String, Double>>> folds, TrainingSettings settings) {
        String key = settings.metrics().isEmpty() ? "val_loss" : "val_" + settings.metrics().get(0);
        boolean present = folds.stream().flatMap(List::stream).anyMatch(m -> m.containsKey(key));
        return new FoldSummary(folds, present ? key : "val_loss");
    }

    /** Whether a higher score is better (accuracy), not a lower one (loss, mae, mse). */
    public boolean higherIsBetter() {
        return TrainingSettings.higherIsBetter(key);
    }

    /** The epochs every fold trained. */
    public int commonEpochs() {
        return folds.stream().mapToInt(List::size).min().orElse(0);
    }

    /** Every metric's mean over the folds, epoch by epoch: a K-fold run record's history. */
    public List<Map<String, Double>> meanHistory() {
        Set<String> keys = new LinkedHashSet<>();
        folds.forEach(f -> f.forEach(m -> keys.addAll(m.keySet())));
        List<Map<String, Double>> mean = new ArrayList<>();
        for (int e = 0; e < commonEpochs(); e++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String k : keys) {
                double v = meanAt(e, k);
                if (!Double.isNaN(v)) {
                    row.put(k, v);
                }
            }
            mean.add(row);
        }
        return mean;
    }

    /** The mean of one metric over the folds, epoch by epoch. */
    public double[] meanCurve(String metric) {
        double[] c = new double[commonEpochs()];
        for (int e = 0; e < c.length; e++) {
            c[e] = meanAt(e, metric);
        }
        return c;
    }

    /** {@link #meanCurve} smoothed as the notes do: each point is 0.9 × the previous smoothed point + 0.1 × its own. */
    public static double[] smoothed(double[] curve) {
        double[] s = new double[curve.length];
        for (int i = 0; i < curve.length; i++) {
            s[i] = i == 0 ? curve[0] : SMOOTHING * s[i - 1] + (1 - SMOOTHING) * curve[i];
        }
        return s;
    }

    private double meanAt(int epoch, String metric) {
        double sum = 0;
        int n = 0;
        for (List<Map<String, Double>> f : folds) {
            Double v = epoch < f.size() ? f.get(epoch).get(metric) : null;
            if (v == null) {
                return Double.NaN; // a fold without it: no mean of it
            }
            sum += v;
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Each fold's score at its last epoch (NaN where it has none). */
    public double[] scores() {
        return folds.stream().mapToDouble(f -> {
            Double v = f.isEmpty() ? null : f.get(f.size() - 1).get(key);
            return v == null ? Double.NaN : v;
        }).toArray();
    }

    /** The mean of {@link #scores}. */
    public double meanScore() {
        double[] s = scores();
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return s.length == 0 ? Double.NaN : sum / s.length;
    }

    /** The spread of {@link #scores}: their standard deviation (population, as NumPy's {@code np.std}). */
    public double spread() {
        double[] s = scores();
        double mean = meanScore();
        double sum = 0;
        for (double v : s) {
            sum += (v - mean) * (v - mean);
        }
        return s.length == 0 ? Double.NaN : Math.sqrt(sum / s.length);
    }

    /**
     * The epochs the notes leave out before smoothing ({@code smooth_curve(average_mae_history[10:])}): the first ten,
     * "on a different scale than the rest of the curve", once there are more than twenty; none for a short run.
     */
    public static int unsmoothedEpochs(int epochs) {
        return epochs > 20 ? 10 : 0;
    }

    /**
     * The mean curve of the score as the notes plot it to choose the epochs: NaN for the first
     * {@link #unsmoothedEpochs} epochs, then {@link #smoothed} from there.
     */
    public double[] smoothedMean() {
        double[] mean = meanCurve(key);
        int skip = unsmoothedEpochs(mean.length);
        double[] tail = smoothed(java.util.Arrays.copyOfRange(mean, skip, mean.length));
        double[] out = new double[mean.length];
        java.util.Arrays.fill(out, 0, skip, Double.NaN);
        System.arraycopy(tail, 0, out, skip, tail.length);
        return out;
    }

    /** The 1-based epoch where the smoothed mean validation curve ({@link #smoothedMean}) is best; 0 when there is none. */
    public int bestEpoch() {
        double[] curve = smoothedMean();
        int best = -1;
        for (int i = 0; i < curve.length; i++) {
            if (Double.isFinite(curve[i]) && (best < 0
                    || (higherIsBetter() ? curve[i] > curve[best] : curve[i] < curve[best]))) {
                best = i;
            }
        }
        return best + 1;
    }
}
