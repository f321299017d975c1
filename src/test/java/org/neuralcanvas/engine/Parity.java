package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the parity tests share: a fast path and DL4J's own path must agree to 1e-4 in outputs and gradients. */
final class Parity {

    static final double TOLERANCE = 1e-4;

    private Parity() {
    }

    /** Builds something with a system property set (a switch read when layers are compiled or created). */
    static <T> T withProperty(String key, String value, Supplier<T> build) {
        String saved = System.getProperty(key);
        System.setProperty(key, value);
        try {
            return build.get();
        } finally {
            if (saved == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, saved);
            }
        }
    }

    /** Every parameter's gradient for one batch, copied; dropout masks come from the same seed each time. */
    static Map<String, INDArray> gradients(ComputationGraph net, INDArray x, INDArray y) {
        Nd4j.getRandom().setSeed(9);
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        Map<String, INDArray> out = new TreeMap<>();
        net.gradient().gradientForVariable().forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }

    /** One-hot labels for a batch: sample i is class {@code (i * step) % classes}. */
    static INDArray oneHot(int batch, long classes, int step) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, classes);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, (i * step) % classes, 1f);
        }
        return y;
    }

    /** Same shape, and no value further apart than the tolerance (relative where the values exceed 1). */
    static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), what);
        double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        double scale = Math.max(1.0, expected.amaxNumber().doubleValue());
        assertTrue(diff <= TOLERANCE * scale, what + ": largest difference " + diff + " (scale " + scale + ")");
    }

    /** Both networks' gradients agree, and they are not all zero (a comparison of zeros proves nothing). */
    static void assertSameGradients(Map<String, INDArray> expected, Map<String, INDArray> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        expected.forEach((name, g) -> assertClose(g, actual.get(name), what + ": gradient of " + name));
        assertTrue(expected.values().stream().anyMatch(g -> g.amaxNumber().doubleValue() > 1e-3),
                what + ": the gradients compared are not all zero");
    }
}
