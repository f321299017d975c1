package org.neuralcanvas.dataset.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.Fixtures;
import org.neuralcanvas.dataset.RawDataset;

class SyntheticDatasetsTest {

    @Test
    void randomMulticlassDataIs1000By100In10Classes() throws DatasetException {
        DenseSplit train = (DenseSplit) Fixtures.raw("synthetic-multiclass").train();
        assertEquals(1_000, train.count());
        assertArrayEquals(new int[] {100}, train.exampleShape());
        ImageDatasetsTest.assertLabelsCoverExactly(10, train.labels());
        for (float v : train.features()) {
            assertTrue(v >= 0 && v < 1);
        }
    }

    @Test
    void linearDataFollowsFiveXPlusTen() throws DatasetException {
        DenseSplit train = (DenseSplit) Fixtures.raw("synthetic-linear").train();
        // Least squares on the data recovers the rule it was drawn from.
        double n = train.count();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < train.count(); i++) {
            double x = train.features()[i];
            double y = train.targets()[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        assertEquals(5, slope, 0.15);
        assertEquals(10, intercept, 0.1);
    }

    @Test
    void logisticDataIsBinaryWithBothClasses() throws DatasetException {
        DenseSplit train = (DenseSplit) Fixtures.raw("synthetic-logistic").train();
        assertArrayEquals(new int[] {20}, train.exampleShape());
        int[] c = ImageDatasetsTest.counts(train.labels(), 2);
        assertTrue(c[0] > 300 && c[1] > 300);
    }

    @Test
    void sequencesAre1000Of8TimestepsBy16Features() throws DatasetException {
        RawDataset seq = Fixtures.raw("synthetic-sequences");
        DenseSplit train = (DenseSplit) seq.train();
        assertEquals(1_000, train.count());
        assertArrayEquals(new int[] {8, 16}, train.exampleShape());
        assertEquals(1_000 * 8 * 16, train.features().length);
    }

    @Test
    void theSameSeedGivesTheSameData() throws DatasetException {
        DenseSplit a = (DenseSplit) Fixtures.datasets().load("synthetic-multiclass").train();
        DenseSplit b = (DenseSplit) Fixtures.datasets().load("synthetic-multiclass").train();
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
    }
}
