package org.neuralcanvas.project;

import java.util.Map;

/**
 * A simple model fitted beside a run on the same prepared features, and its test-set scores: the bar the
 * network has to clear (ordinary least squares for a regressor; the majority class and a multinomial
 * logistic regression for a classifier).
 *
 * @param model  {@link #LEAST_SQUARES}, {@link #MAJORITY_CLASS} or {@link #LOGISTIC_REGRESSION}
 * @param scores test-set scores in the run's words: {@code mae}, {@code mse}, {@code r2} or {@code accuracy}
 */
public record BaselineScores(String model, Map<String, Double> scores) {

    public static final String LEAST_SQUARES = "least_squares";
    public static final String MAJORITY_CLASS = "majority_class";
    public static final String LOGISTIC_REGRESSION = "logistic_regression";

    public BaselineScores {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }
}
