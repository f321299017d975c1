package org.neuralcanvas.engine.eval;

import java.util.List;
import java.util.Map;

/**
 * A model's scores on a test set, as plain values a view can show.
 *
 * @param samples         samples evaluated
 * @param loss            the training loss on the test set
 * @param metrics         the run's metrics (accuracy, mae, mse) on the test set
 * @param classification per-class scores for a classifier, else null
 * @param regression      error measures for a regressor, else null
 */
public record EvaluationReport(long samples, double loss, Map<String, Double> metrics, Classification classification,
                               Regression regression) {

    public EvaluationReport {
        metrics = Map.copyOf(metrics);
    }

    /** What Keras's {@code evaluate} prints: the loss, the metrics, and R² for a regressor. */
    public Map<String, Double> scores() {
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        scores.put("loss", loss);
        scores.putAll(metrics);
        if (regression != null) {
            scores.put("r2", regression.rSquared());
        }
        return scores;
    }

    /**
     * @param classNames in label order
     * @param accuracy   fraction of samples whose most likely class is right
     * @param confusion  {@code confusion[actual][predicted]} sample counts
     * @param precision  per class
     * @param recall     per class
     * @param f1         per class
     */
    public record Classification(List<String> classNames, double accuracy, long[][] confusion, double[] precision,
                                 double[] recall, double[] f1) {
    }

    /** Averaged over output columns. */
    public record Regression(double mae, double mse, double rSquared) {
    }
}
