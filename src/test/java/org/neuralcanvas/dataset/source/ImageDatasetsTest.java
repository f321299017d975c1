package org.neuralcanvas.dataset.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.Fixtures;
import org.neuralcanvas.dataset.RawDataset;

/** MNIST, Fashion-MNIST and the 8x8 digits, read from the real cached files. */
class ImageDatasetsTest {

    @Test
    void mnistHasSixtyThousandTrainingAndTenThousandTestDigits() throws DatasetException {
        RawDataset mnist = Fixtures.raw("mnist");
        DenseSplit train = (DenseSplit) mnist.train();
        DenseSplit test = (DenseSplit) mnist.test();
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
        assertArrayEquals(new int[] {28, 28, 1}, train.exampleShape());
        assertEquals(60_000 * 784, train.features().length);
        assertEquals(10_000 * 784, test.features().length);
        assertLabelsCoverExactly(10, train.labels());
        assertLabelsCoverExactly(10, test.labels());
        assertRange(train.features(), 0, 255);
        assertRange(test.features(), 0, 255);
    }

    @Test
    void mnistIsTheOriginalInTheOriginalOrder() throws DatasetException {
        RawDataset mnist = Fixtures.raw("mnist");
        // The first labels of the original files, as every MNIST tutorial prints them.
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(mnist.train().labels(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(mnist.test().labels(), 10));
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                counts(mnist.train().labels(), 10));
    }

    @Test
    void fashionMnistHasTheSameSizesAndTenBalancedClasses() throws DatasetException {
        RawDataset fashion = Fixtures.raw("fashion-mnist");
        DenseSplit train = (DenseSplit) fashion.train();
        assertEquals(60_000, train.count());
        assertEquals(10_000, fashion.test().count());
        assertArrayEquals(new int[] {28, 28, 1}, train.exampleShape());
        assertRange(train.features(), 0, 255);
        int[] perClass = new int[10];
        Arrays.fill(perClass, 6_000);
        assertArrayEquals(perClass, counts(train.labels(), 10));
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(train.labels(), 10));
    }

    @Test
    void digitsAreEightByEightPixelsFromZeroToSixteen() throws DatasetException {
        RawDataset digits = Fixtures.raw("digits");
        DenseSplit train = (DenseSplit) digits.train();
        assertEquals(1_437, train.count());
        assertEquals(360, digits.test().count());
        assertArrayEquals(new int[] {8, 8, 1}, train.exampleShape());
        assertRange(train.features(), 0, 16);
        assertLabelsCoverExactly(10, train.labels());
    }

    static void assertLabelsCoverExactly(int classes, int[] labels) {
        int[] c = counts(labels, classes);
        for (int k = 0; k < classes; k++) {
            if (c[k] == 0) {
                throw new AssertionError("class " + k + " never occurs");
            }
        }
    }

    static int[] counts(int[] labels, int classes) {
        int[] c = new int[classes];
        for (int y : labels) {
            c[y]++; // throws for a label outside 0..classes-1
        }
        return c;
    }

    static void assertRange(float[] values, float min, float max) {
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(min, lo, "smallest value");
        assertEquals(max, hi, "largest value");
    }
}
