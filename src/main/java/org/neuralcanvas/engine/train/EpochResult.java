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

    /** Epochs as a project's run history keeps them: one map of the finite metric values per epoch. */
    public static java.util.List<Map<String, Double>> historyMaps(java.util.List<EpochResult> epochs) {
        java.util.List<Map<String, Double>> history = new java.util.ArrayList<>();
        for (EpochResult r : epochs) {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            r.metrics().forEach((k, v) -> {
                if (v != null && Double.isFinite(v)) {
                    m.put(k, v);
                }
            });
            history.add(m);
        }
        return history;
    }
}
