package org.neuralcanvas.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras's training metrics, summed over batches the way Keras reports them at an epoch's end. */
class MetricSumsTest {

    private static INDArray m(float[][] rows) {
        return Nd4j.create(rows);
    }

    private static Map<String, Double> means(MetricSums s) {
        Map<String, Double> m = new HashMap<>();
        s.putMeans("", m);
        return m;
    }

    @Test
    void accuracyOfOneHotLabelsCountsRowsWhoseLargestOutputIsTheLabelledClass() {
        MetricSums s = new MetricSums(List.of("accuracy"));
        s.add(m(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}}), m(new float[][] {{0, 1, 0}, {0, 0, 1}}));
        s.add(m(new float[][] {{0.2f, 0.2f, 0.6f}}), m(new float[][] {{0, 0, 1}}));
        assertEquals(2.0 / 3, means(s).get("accuracy"), 1e-9);
    }

    @Test
    void sparseLabelsAreClassIndices() {
        MetricSums s = new MetricSums(List.of("accuracy"));
        s.add(m(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}, {0.1f, 0.1f, 0.8f}, {0.3f, 0.4f, 0.3f}}),
                m(new float[][] {{1}, {2}, {2}, {0}}));
        assertEquals(0.5, means(s).get("accuracy"), 1e-9);
    }

    @Test
    void oneSigmoidOutputIsRightWhenOnTheLabelsSideOfAHalf() {
        MetricSums s = new MetricSums(List.of("accuracy"));
        s.add(m(new float[][] {{0.9f}, {0.2f}, {0.6f}, {0.4f}, {0.51f}}), m(new float[][] {{1}, {0}, {0}, {1}, {1}}));
        assertEquals(0.6, means(s).get("accuracy"), 1e-9);
    }

    @Test
    void maeAndMseAverageOverEveryValue() {
        MetricSums s = new MetricSums(List.of("mae", "mse"));
        s.add(m(new float[][] {{1}, {2}}), m(new float[][] {{2}, {2}}));
        s.add(m(new float[][] {{5}}), m(new float[][] {{2}}));
        Map<String, Double> r = means(s);
        assertEquals((1 + 0 + 3) / 3.0, r.get("mae"), 1e-6);
        assertEquals((1 + 0 + 9) / 3.0, r.get("mse"), 1e-6);
        s.reset();
        assertEquals(Map.of(), means(s));
    }

    @Test
    void sequencesAreScoredAtEveryStep() {
        MetricSums s = new MetricSums(List.of("accuracy"));
        // [batch 1, steps 2, classes 2]: step 1 right, step 2 wrong.
        INDArray out = Nd4j.create(new float[] {0.9f, 0.1f, 0.8f, 0.2f}, new long[] {1, 2, 2}, 'c');
        INDArray lab = Nd4j.create(new float[] {1, 0, 0, 1}, new long[] {1, 2, 2}, 'c');
        s.add(out, lab);
        assertEquals(0.5, means(s).get("accuracy"), 1e-9);
    }

    @Test
    void aViewOfALargerArrayIsReadAsItself() {
        MetricSums s = new MetricSums(List.of("accuracy", "mae"));
        INDArray big = m(new float[][] {{9, 9, 9}, {0.1f, 0.7f, 0.2f}, {0.6f, 0.3f, 0.1f}});
        INDArray rows = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3), org.nd4j.linalg.indexing.NDArrayIndex.all());
        s.add(rows, m(new float[][] {{0, 1, 0}, {0, 0, 1}}));
        Map<String, Double> r = means(s);
        assertEquals(0.5, r.get("accuracy"), 1e-9);
        assertEquals((0.1 + 0.3 + 0.2 + 0.6 + 0.3 + 0.9) / 6, r.get("mae"), 1e-6);
    }
}
