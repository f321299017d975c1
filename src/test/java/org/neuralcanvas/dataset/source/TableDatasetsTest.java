package org.neuralcanvas.dataset.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.Fixtures;
import org.neuralcanvas.dataset.RawDataset;

/** Boston housing, Iris, breast cancer and wine from the scikit-learn tables. */
class TableDatasetsTest {

    @Test
    void bostonHousingIs506RowsOf13FeaturesWithPricesAsTargets() throws DatasetException {
        RawDataset boston = Fixtures.raw("boston-housing");
        DenseSplit train = (DenseSplit) boston.train();
        DenseSplit test = (DenseSplit) boston.test();
        assertEquals(506, train.count() + test.count());
        assertEquals(404, train.count());
        assertEquals(102, test.count());
        assertArrayEquals(new int[] {13}, train.exampleShape());
        assertNull(train.labels());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (DenseSplit s : new DenseSplit[] {train, test}) {
            for (float y : s.targets()) {
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        assertEquals(5f, min, "cheapest median value, $1000s");
        assertEquals(50f, max, "the data's cap, $1000s");
    }

    @Test
    void bostonHoldsTheOriginalFirstRowSomewhere() throws DatasetException {
        RawDataset boston = Fixtures.raw("boston-housing");
        float[] first = {0.00632f, 18f, 2.31f, 0f, 0.538f, 6.575f, 65.2f, 4.09f, 1f, 296f, 15.3f, 396.9f, 4.98f};
        boolean found = false;
        for (DenseSplit s : new DenseSplit[] {(DenseSplit) boston.train(), (DenseSplit) boston.test()}) {
            for (int i = 0; i < s.count(); i++) {
                if (java.util.Arrays.equals(first, s.example(i))) {
                    found = true;
                    assertEquals(24f, s.targets()[i]);
                }
            }
        }
        assertTrue(found);
    }

    @Test
    void irisIs150FlowersOf4MeasurementsIn3Species() throws DatasetException {
        assertTable("iris", 120, 30, 4, new int[] {50, 50, 50});
    }

    @Test
    void breastCancerIs569MassesOf30FeaturesMalignantOrBenign() throws DatasetException {
        assertTable("breast-cancer", 455, 114, 30, new int[] {212, 357});
    }

    @Test
    void wineIs178WinesOf13MeasurementsIn3Cultivars() throws DatasetException {
        assertTable("wine", 142, 36, 13, new int[] {59, 71, 48});
    }

    private static void assertTable(String id, int train, int test, int features, int[] perClass)
            throws DatasetException {
        RawDataset raw = Fixtures.raw(id);
        DenseSplit tr = (DenseSplit) raw.train();
        DenseSplit te = (DenseSplit) raw.test();
        assertEquals(train, tr.count());
        assertEquals(test, te.count());
        assertArrayEquals(new int[] {features}, tr.exampleShape());
        int[] all = new int[perClass.length];
        for (int y : tr.labels()) {
            all[y]++;
        }
        for (int y : te.labels()) {
            all[y]++;
        }
        assertArrayEquals(perClass, all);
    }
}
