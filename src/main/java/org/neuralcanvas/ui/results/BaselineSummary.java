package org.neuralcanvas.ui.results;

import java.util.Locale;
import java.util.Optional;
import org.neuralcanvas.engine.baseline.BaselineReport;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.project.BaselineScores;
import org.neuralcanvas.ui.common.I18n;

/**
 * The Results tab's line on the baselines: their test scores, and whether the network beats the linear model
 * (least squares by MAE for a regressor, logistic regression by accuracy for a classifier). Empty where the run
 * has no baselines.
 */
final class BaselineSummary {

    private BaselineSummary() {
    }

    static String of(BaselineReport baselines, EvaluationReport net, I18n i18n) {
        if (baselines == null || baselines.isEmpty() || net == null) {
            return "";
        }
        Optional<BaselineScores> ols = find(baselines, BaselineScores.LEAST_SQUARES);
        if (ols.isPresent() && ols.get().scores().containsKey("mae")) {
            double mae = ols.get().scores().get("mae");
            String line = i18n.format("results.baselines.regression", number(mae),
                    number(ols.get().scores().getOrDefault("mse", Double.NaN)));
            Double netMae = net.regression() != null ? net.regression().mae() : net.metrics().get("mae");
            return netMae == null ? line : line + " " + verdict(netMae < mae, "MAE", netMae, mae, i18n);
        }
        Optional<BaselineScores> majority = find(baselines, BaselineScores.MAJORITY_CLASS);
        Optional<BaselineScores> logistic = find(baselines, BaselineScores.LOGISTIC_REGRESSION);
        if (majority.isEmpty() || logistic.isEmpty()) {
            return "";
        }
        double linear = logistic.get().scores().getOrDefault("accuracy", Double.NaN);
        String line = i18n.format("results.baselines.classification",
                number(majority.get().scores().getOrDefault("accuracy", Double.NaN)), number(linear));
        Double netAccuracy = net.classification() != null ? net.classification().accuracy() : net.metrics().get("accuracy");
        return netAccuracy == null ? line
                : line + " " + verdict(netAccuracy > linear, "accuracy", netAccuracy, linear, i18n);
    }

    private static String verdict(boolean beats, String measure, double net, double linear, I18n i18n) {
        return i18n.format(beats ? "results.baselines.beats" : "results.baselines.notBeaten", measure, number(net),
                number(linear));
    }

    private static Optional<BaselineScores> find(BaselineReport r, String model) {
        return r.scores().stream().filter(s -> s.model().equals(model)).findFirst();
    }

    /** Numbers as text: MessageFormat would group 1024 as "1,024" and round to three places its own way. */
    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "–";
    }
}
