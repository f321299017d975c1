package org.neuralcanvas.engine.train;

import java.util.Map;

/**
 * One finished epoch, as Keras's History records it.
 *
 * @param epoch        1-based, continuing across continued runs
 * @param metrics      {@code loss}, {@code accuracy}, {@code mae}, {@code mse}, and {@code val_} versions, in Keras order
 * @param learningRate the learning rate at the end of the epoch
 * @param seconds      wall time of the epoch, validation included
 * @param samples      training samples seen
 */
public record EpochResult(int epoch, Map<String, Double> metrics, double learningRate, double seconds, long samples) {

    public EpochResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** A metric's value, or NaN when the epoch does not have it. */
    public double get(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /** The learning rate's key in a run's history, as Keras 3's ReduceLROnPlateau writes it into the epoch's logs. */
    public static final String LEARNING_RATE = "learning_rate";

    /**
     * Epochs as a project's run history keeps them: one map of the finite metric values per epoch, and the learning
     * rate the epoch ended with, so that what ReduceLROnPlateau (or a continued run's new rate) did is in the record.
     */
    public static java.util.List<Map<String, Double>> historyMaps(java.util.List<EpochResult> epochs) {
        java.util.List<Map<String, Double>> history = new java.util.ArrayList<>();
        for (EpochResult r : epochs) {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            r.metrics().forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    m.put(k, v);
                }
            });
            if (Double.isFinite(r.learningRate()) && r.learningRate() > 0) {
                m.put(LEARNING_RATE, r.learningRate());
            }
            history.add(m);
        }
        return history;
    }
}
