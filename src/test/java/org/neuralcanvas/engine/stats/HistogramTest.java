package org.neuralcanvas.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bins as NumPy's np.histogram gives them (figures computed once with NumPy 1.26 and pinned here). */
class HistogramTest {

    @Test
    void equalWidthBinsWithTheMaximumInTheLastBinAsNumPy() {
        float[] v = {0f, 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3f, 10f};
        Histogram h = Histogram.of(v, 4);
        // np.histogram(v, 4) → (array([5, 3, 0, 1]), array([ 0. ,  2.5,  5. ,  7.5, 10. ]))
        assertArrayEquals(new long[] {5, 3, 0, 1}, h.counts());
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10}, h.edges(), 1e-12);
        assertEquals(9, h.total());
    }

    @Test
    void allValuesEqualSpanOneAroundThemAndNaNIsLeftOut() {
        // np.histogram([2, 2, 2], bins=2) → (array([0, 3]), array([1.5, 2. , 2.5]))
        Histogram h = Histogram.of(new float[] {2f, 2f, 2f, Float.NaN}, 2);
        assertArrayEquals(new long[] {0, 3}, h.counts());
        assertArrayEquals(new double[] {1.5, 2, 2.5}, h.edges(), 1e-12);
    }

    @Test
    void negativeValuesAsNumPy() {
        // np.histogram(np.float32([-1, -0.2, 0, 0.2, 0.3, 1]), bins=5) → (array([1, 1, 2, 1, 1]), edges -1, -0.6, -0.2, 0.2, 0.6, 1)
        Histogram h = Histogram.of(new float[] {-1f, -0.2f, 0f, 0.2f, 0.3f, 1f}, 5);
        assertArrayEquals(new long[] {1, 1, 2, 1, 1}, h.counts(), "1.0 is in the last bin");
    }
}
