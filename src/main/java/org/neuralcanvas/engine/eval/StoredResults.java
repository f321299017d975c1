package org.neuralcanvas.engine.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.neuralcanvas.engine.baseline.BaselineReport;
import org.neuralcanvas.project.RunResults;

/**
 * Between the engine's {@link EvaluationReport} and the {@link RunResults} a run's record keeps in the
 * project file: what is stored is what the Results tab needs to draw the scores and the confusion
 * matrix again (precision, recall and F1 follow from the matrix).
 */
public final class StoredResults {

    private StoredResults() {
    }

    /** The report with the baselines fitted beside it (their scores only: the least-squares line is drawn, not kept). */
    public static RunResults of(EvaluationReport r, BaselineReport baselines) {
        return of(r).withBaselines(baselines == null ? java.util.List.of() : baselines.scores());
    }

    public static RunResults of(EvaluationReport r) {
        Map<String, Double> scores = new LinkedHashMap<>(r.scores());
        if (r.regression() != null) {
            scores.put("mae", r.regression().mae());
            scores.put("mse", r.regression().mse());
        }
        EvaluationReport.Classification c = r.classification();
        return new RunResults(r.samples(), scores, c == null ? null : c.classNames(), c == null ? null : c.confusion());
    }

    public static EvaluationReport report(RunResults s) {
        Map<String, Double> metrics = new LinkedHashMap<>(s.scores());
        double loss = metrics.getOrDefault("loss", Double.NaN);
        metrics.remove("loss");
        EvaluationReport.Regression regression = null;
        if (s.scores().containsKey("r2")) {
            regression = new EvaluationReport.Regression(s.scores().get("mae"), s.scores().get("mse"), s.scores().get("r2"));
            metrics.remove("r2");
        }
        EvaluationReport.Classification classification = null;
        long[][] m = s.confusion();
        if (m.length > 0 && m.length == s.classNames().size()) {
            int n = m.length;
            double[] precision = new double[n];
            double[] recall = new double[n];
            double[] f1 = new double[n];
            long right = 0;
            long all = 0;
            for (int k = 0; k < n; k++) {
                long predicted = 0;
                long actual = 0;
                for (int j = 0; j < n; j++) {
                    predicted += m[j][k];
                    actual += m[k][j];
                    all += m[k][j];
                }
                right += m[k][k];
                precision[k] = predicted == 0 ? 0 : m[k][k] / (double) predicted;
                recall[k] = actual == 0 ? 0 : m[k][k] / (double) actual;
                f1[k] = precision[k] + recall[k] == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
            }
            classification = new EvaluationReport.Classification(s.classNames(), all == 0 ? 0 : right / (double) all,
                    m, precision, recall, f1);
        }
        return new EvaluationReport(s.samples(), loss, metrics, classification, regression);
    }
}
