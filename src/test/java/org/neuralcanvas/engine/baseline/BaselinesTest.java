package org.neuralcanvas.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.dataset.prep.PreparedDataset;
import org.neuralcanvas.dataset.prep.PreprocessingOptions;
import org.neuralcanvas.project.BaselineScores;

/** The simple models beside a run: least squares against hand and NumPy figures, and the classifiers' bar. */
class BaselinesTest {

    private static final BundledDatasets DATASETS = BundledDatasets.standard();

    private static PreparedDataset prepared(String id) throws Exception {
        return DATASETS.prepare(id, PreprocessingOptions.defaultsFor(DATASETS.catalog().get(id)));
    }

    @Test
    void leastSquaresFitsThreePointsOnALineExactly() {
        // y = 2x + 1 through (1, 3), (2, 5), (3, 7): the design [x 1] is 3×2 and the fit is exact.
        LeastSquares ols = LeastSquares.fit(Nd4j.createFromArray(new double[][] {{1}, {2}, {3}}),
                Nd4j.createFromArray(3.0, 5.0, 7.0));
        assertEquals(2.0, ols.weights()[0], 1e-12);
        assertEquals(1.0, ols.intercept(), 1e-12);
    }

    @Test
    void leastSquaresMatchesTheHandSolvedNormalEquation() {
        // (1, 1), (2, 2), (3, 2): by hand, slope = Sxy/Sxx = 1/2 and intercept = ȳ − slope·x̄ = 5/3 − 1 = 2/3.
        LeastSquares ols = LeastSquares.fit(Nd4j.createFromArray(new double[][] {{1}, {2}, {3}}),
                Nd4j.createFromArray(1.0, 2.0, 2.0));
        assertEquals(0.5, ols.weights()[0], 1e-12);
        assertEquals(2.0 / 3, ols.intercept(), 1e-12);
        assertArrayEquals(new double[] {7.0 / 6, 5.0 / 3, 13.0 / 6},
                ols.predict(Nd4j.createFromArray(new double[][] {{1}, {2}, {3}})), 1e-12);
    }

    @Test
    void leastSquaresWithARepeatedColumnStillFitsTheLine() {
        // Two equal columns: XᵀX is singular, so there is no single β; the prediction is still the line.
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}});
        LeastSquares ols = LeastSquares.fit(x, Nd4j.createFromArray(3.0, 5.0, 7.0, 9.0));
        assertArrayEquals(new double[] {3, 5, 7, 9}, ols.predict(x), 1e-6);
        assertEquals(ols.weights()[0], ols.weights()[1], 1e-6, "the smallest β shares the slope between the copies");
    }

    @Test
    void leastSquaresOnTheLinearRegressionTemplatesDataMatchesNumPy() throws Exception {
        // The linear_regression template trains on synthetic-linear (y = 5x + 10 + noise, 1,000 training rows).
        // Pinned from NumPy 2.4.6, run once on the same float32 rows written out as exact doubles:
        //   X = np.hstack([x_train, np.ones((1000, 1))]); beta = np.linalg.lstsq(X, y_train, rcond=None)[0]
        //   p = np.hstack([x_test, np.ones((100, 1))]) @ beta; np.mean(np.abs(p - y_test)); np.mean((p - y_test)**2)
        PreparedDataset data = prepared("synthetic-linear");
        LeastSquares ols = LeastSquares.fit(data.train().toDataSet().getFeatures(), data.train().toDataSet().getLabels());
        assertEquals(4.945559530309728, ols.weights()[0], 1e-9);
        assertEquals(9.990723793654496, ols.intercept(), 1e-9);

        BaselineReport report = Baselines.fit(data);
        Map<String, Double> scores = report.scores().get(0).scores();
        assertEquals(BaselineScores.LEAST_SQUARES, report.scores().get(0).model());
        assertEquals(0.40090926040165153, scores.get("mae"), 1e-7);
        assertEquals(0.240249091557975, scores.get("mse"), 1e-7);
        assertEquals(100, report.leastSquaresPredictions().orElseThrow().length);
    }

    @Test
    void leastSquaresOnBostonHousingMatchesNumPy() throws Exception {
        // Standardised with the training rows' statistics, as the network sees them. NumPy as above, on 404/102 rows:
        // intercept 22.633399640149808, test MAE 3.919467535092587, MSE 37.491909309522775.
        BaselineReport report = Baselines.fit(prepared("boston-housing"));
        Map<String, Double> scores = report.scores().get(0).scores();
        assertEquals(3.919467535092587, scores.get("mae"), 1e-5);
        assertEquals(37.491909309522775, scores.get("mse"), 1e-4);
    }

    @Test
    void theMajorityClassIsRightAsOftenAsItsShareOfTheTestSet() {
        int majority = MajorityClass.of(new int[] {0, 1, 1, 2, 1, 2}, 3);
        assertEquals(1, majority);
        assertEquals(0.75, MajorityClass.accuracy(majority, new int[] {1, 0, 1, 1}), 1e-12);
    }

    @Test
    void logisticRegressionBeatsTheMajorityClassOnIris() throws Exception {
        PreparedDataset iris = prepared("iris");
        BaselineReport report = Baselines.fit(iris);
        assertEquals(BaselineScores.MAJORITY_CLASS, report.scores().get(0).model());
        assertEquals(BaselineScores.LOGISTIC_REGRESSION, report.scores().get(1).model());

        // The majority class's accuracy is the test share of the training set's most frequent species.
        int[] train = Baselines.classes(iris.train().toDataSet().getLabels());
        int[] test = Baselines.classes(iris.test().toDataSet().getLabels());
        int[] counts = new int[3];
        for (int c : train) {
            counts[c]++;
        }
        int most = counts[0] >= counts[1] && counts[0] >= counts[2] ? 0 : counts[1] >= counts[2] ? 1 : 2;
        long share = java.util.Arrays.stream(test).filter(c -> c == most).count();
        double majority = report.scores().get(0).scores().get("accuracy");
        assertEquals(share / (double) test.length, majority, 1e-12);

        double logistic = report.scores().get(1).scores().get("accuracy");
        assertTrue(logistic >= 0.9 && logistic > majority + 0.4,
                "logistic regression " + logistic + " against the majority class " + majority);
        assertTrue(report.leastSquaresPredictions().isEmpty());
    }

    @Test
    void theSameDataGivesTheSameLogisticRegression() throws Exception {
        PreparedDataset wine = prepared("wine");
        INDArray x = wine.train().toDataSet().getFeatures();
        int[] y = Baselines.classes(wine.train().toDataSet().getLabels());
        assertArrayEquals(SoftmaxRegression.fit(x, y, 3).predict(wine.test().toDataSet().getFeatures()),
                SoftmaxRegression.fit(x, y, 3).predict(wine.test().toDataSet().getFeatures()));
    }
}
