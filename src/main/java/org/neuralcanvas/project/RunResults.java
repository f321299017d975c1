package org.neuralcanvas.project;

import java.util.List;
import java.util.Map;

/**
 * A run's test-set results, kept with its record so that they can be shown again after the project
 * was closed and opened (the sample predictions need the model and the data, so they are not kept).
 *
 * @param samples    test samples evaluated
 * @param scores     loss and metrics on the test set ({@code loss}, {@code accuracy}, {@code r2}, ...)
 * @param classNames a classifier's classes in label order; empty for a regressor
 * @param confusion  {@code confusion[actual][predicted]} counts; empty for a regressor
 */
public record RunResults(long samples, Map<String, Double> scores, List<String> classNames, long[][] confusion) {

    public RunResults {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        confusion = confusion == null ? new long[0][] : confusion;
    }
}
