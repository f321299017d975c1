package org.neuralcanvas.engine.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.TaskKind;
import org.neuralcanvas.dataset.prep.ExampleSet;
import org.neuralcanvas.dataset.prep.LabelEncoding;
import org.neuralcanvas.dataset.prep.PreparedDataset;
import org.neuralcanvas.project.BaselineScores;

/**
 * Fits the simple models beside a run on exactly the features the network trained on (after its
 * preprocessing, without the validation part) and scores them on the same test split: least squares for a
 * regressor, the majority class and a multinomial logistic regression for a classifier.
 *
 * <p>None for word indices (a linear model of word numbers means nothing, and multi-hot text would have to be
 * expanded in full), for an autoencoder and for inputs wider than {@link #MAX_FEATURES} values. Blocking: a few
 * seconds for MNIST's logistic regression, milliseconds for the tables; run it off the FX thread.
 */
public final class Baselines {

    /** Wider inputs get no baseline: the factorisation and the full-batch steps would take longer than the run. */
    public static final int MAX_FEATURES = 4096;
    /** The logistic regression learns from at most this many training rows (the first ones): seconds, not minutes. */
    public static final int MAX_LOGISTIC_ROWS = 10_000;

    private Baselines() {
    }

    public static BaselineReport fit(PreparedDataset data) {
        FeatureLayout layout = data.layout();
        if (layout == FeatureLayout.TOKEN_INDICES || layout == FeatureLayout.MULTI_HOT
                || data.options().labels() == LabelEncoding.INPUTS || data.train().size() == 0
                || data.test().size() == 0 || width(data.train()) > MAX_FEATURES) {
            return BaselineReport.none();
        }
        TaskKind task = data.descriptor().task();
        if (task == TaskKind.REGRESSION) {
            return regression(data.train(), data.test());
        }
        return classification(data.train(), data.test(), Math.max(2, data.descriptor().numClasses()));
    }

    private static BaselineReport regression(ExampleSet train, ExampleSet test) {
        DataSet tr = train.toDataSet();
        DataSet te = test.toDataSet();
        if (tr.getLabels().columns() != 1) {
            return BaselineReport.none();
        }
        LeastSquares ols = LeastSquares.fit(flat(tr.getFeatures()), tr.getLabels());
        double[] predicted = ols.predict(flat(te.getFeatures()));
        double[] truth = te.getLabels().castTo(DataType.DOUBLE).reshape(te.numExamples()).toDoubleVector();
        return new BaselineReport(List.of(new BaselineScores(BaselineScores.LEAST_SQUARES,
                RegressionScores.of(truth, predicted))), Optional.of(predicted));
    }

    private static BaselineReport classification(ExampleSet train, ExampleSet test, int numClasses) {
        DataSet tr = train.size() > MAX_LOGISTIC_ROWS ? train.slice(0, MAX_LOGISTIC_ROWS) : train.toDataSet();
        DataSet te = test.toDataSet();
        int[] trainClasses = classes(tr.getLabels());
        int[] testClasses = classes(te.getLabels());
        // The majority is counted over the whole training split, not only the rows the regression learns from.
        int majority = MajorityClass.of(train.size() > MAX_LOGISTIC_ROWS ? classes(train.toDataSet().getLabels())
                : trainClasses, numClasses);
        SoftmaxRegression logistic = SoftmaxRegression.fit(flat(tr.getFeatures()), trainClasses, numClasses);
        int[] predicted = logistic.predict(flat(te.getFeatures()));
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == testClasses[i] ? 1 : 0;
        }
        return new BaselineReport(List.of(
                new BaselineScores(BaselineScores.MAJORITY_CLASS,
                        Map.of("accuracy", MajorityClass.accuracy(majority, testClasses))),
                new BaselineScores(BaselineScores.LOGISTIC_REGRESSION,
                        Map.of("accuracy", right / (double) predicted.length))), Optional.empty());
    }

    /** Class per row: the hot column of one-hot labels, or the index / 0-1 value itself. */
    static int[] classes(INDArray labels) {
        if (labels.columns() > 1) {
            return labels.argMax(1).toIntVector();
        }
        double[] v = labels.castTo(DataType.DOUBLE).reshape(labels.rows()).toDoubleVector();
        int[] c = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = (int) Math.round(v[i]);
        }
        return c;
    }

    private static INDArray flat(INDArray features) {
        long n = features.size(0);
        return features.reshape('c', n, features.length() / n);
    }

    private static long width(ExampleSet set) {
        long w = 1;
        for (int d : set.exampleShape()) {
            w *= d;
        }
        return w;
    }

    /** MAE, MSE and R² of predictions against the truth, as the network's regression report has them. */
    static final class RegressionScores {

        private RegressionScores() {
        }

        static Map<String, Double> of(double[] truth, double[] predicted) {
            double mean = 0;
            for (double t : truth) {
                mean += t / truth.length;
            }
            double abs = 0;
            double sq = 0;
            double total = 0;
            for (int i = 0; i < truth.length; i++) {
                double d = predicted[i] - truth[i];
                abs += Math.abs(d);
                sq += d * d;
                total += (truth[i] - mean) * (truth[i] - mean);
            }
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("mae", abs / truth.length);
            s.put("mse", sq / truth.length);
            if (total > 0) { // a constant target has no R² (0/0); NaN would not survive the project file's JSON
                s.put("r2", 1 - sq / total);
            }
            return s;
        }
    }
}
