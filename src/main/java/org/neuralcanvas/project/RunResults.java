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
 * @param baselines  the simple models fitted beside the run and their test scores; empty where none were
 *                   (a file saved before they existed, text data, an autoencoder)
 */
public record RunResults(long samples, Map<String, Double> scores, List<String> classNames, long[][] confusion,
                         List<BaselineScores> baselines) {

    public RunResults {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        confusion = confusion == null ? new long[0][] : confusion;
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
    }

    /** Results without baselines. */
    public RunResults(long samples, Map<String, Double> scores, List<String> classNames, long[][] confusion) {
        this(samples, scores, classNames, confusion, List.of());
    }

    public RunResults withBaselines(List<BaselineScores> b) {
        return new RunResults(samples, scores, classNames, confusion, b);
    }
}
