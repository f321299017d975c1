package org.neuralcanvas.dataset.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.Fixtures;

/** Minibatches to DL4J: sizes, coverage, views, seeded shuffling, K-fold. */
class IterationTest {

    private static PreparedDataset prepare(String id, long seed) throws DatasetException {
        DatasetDescriptor d = Fixtures.descriptor(id);
        return new Preprocessor().prepare(Fixtures.raw(id), PreprocessingOptions.defaultsFor(d).withSeed(seed));
    }

    @Test
    void anEpochInOrderIsBatchesOfViewsEndingWithTheRemainder() throws DatasetException {
        DataSetIterator it = prepare("mnist", 1).test().iterator(128);
        int batches = 0;
        int examples = 0;
        DataSet last = null;
        while (it.hasNext()) {
            last = it.next();
            assertTrue(last.getFeatures().isView(), "a run of rows is served without copying");
            batches++;
            examples += last.numExamples();
        }
        assertEquals(79, batches);
        assertEquals(10_000, examples);
        assertEquals(10_000 - 78 * 128, last.numExamples());
        assertArrayEquals(new long[] {16, 28, 28, 1}, last.getFeatures().shape());
        assertEquals(784, it.inputColumns());
        assertEquals(10, it.totalOutcomes());
        assertEquals(10, it.getLabels().size());
    }

    @Test
    void aShuffledEpochVisitsEveryExampleOnce() throws DatasetException {
        PreparedDataset p = prepare("iris", 7);
        DataSet all = p.train().toDataSet();
        Set<String> inOrder = new HashSet<>();
        for (int i = 0; i < all.numExamples(); i++) {
            inOrder.add(all.getFeatures().getRow(i).toString() + "|" + all.getLabels().getRow(i).toString());
        }
        List<String> shuffled = new ArrayList<>();
        DataSetIterator it = p.trainIterator(16);
        while (it.hasNext()) {
            DataSet b = it.next();
            for (int i = 0; i < b.numExamples(); i++) {
                shuffled.add(b.getFeatures().getRow(i).toString() + "|" + b.getLabels().getRow(i).toString());
            }
        }
        assertEquals(120, shuffled.size());
        assertEquals(inOrder, new HashSet<>(shuffled));
        assertNotEquals(new ArrayList<>(inOrder), shuffled);
    }

    @Test
    void theSameSeedGivesTheSameBatchesAndEachEpochANewOrder() throws DatasetException {
        List<Double> a = firstValues(prepare("mnist", 42).trainIterator(64), 2);
        List<Double> b = firstValues(prepare("mnist", 42).trainIterator(64), 2);
        List<Double> c = firstValues(prepare("mnist", 43).trainIterator(64), 2);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(a.subList(0, 5), a.subList(5, 10), "epoch 2 is ordered differently from epoch 1");
    }

    /** The label of the first 5 batches' first example, for each of {@code epochs} epochs. */
    private static List<Double> firstValues(DataSetIterator it, int epochs) {
        List<Double> values = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            for (int k = 0; k < 5; k++) {
                DataSet batch = it.next();
                values.add((double) batch.getLabels().getRow(0).argMax().getInt(0)
                        + batch.getFeatures().sumNumber().doubleValue());
            }
            it.reset();
        }
        return values;
    }

    @Test
    void afterTheLastBatchTheIteratorNeedsAReset() throws DatasetException {
        DataSetIterator it = prepare("iris", 1).test().iterator(30);
        it.next();
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
        it.reset();
        assertTrue(it.hasNext());
    }

    @Test
    void kFoldDealsTheTrainingSetIntoDisjointPartsOfNearlyEqualSize() throws DatasetException {
        PreparedDataset p = prepare("boston-housing", 3);
        List<Fold> folds = p.kFolds(5);
        assertEquals(5, folds.size());
        Set<Integer> validated = new HashSet<>();
        for (Fold f : folds) {
            int v = f.validation().size();
            assertTrue(v == 80 || v == 81, "fold size " + v);
            assertEquals(404, v + f.training().size());
            Set<Integer> trainRows = new HashSet<>();
            for (int i = 0; i < f.training().size(); i++) {
                trainRows.add(f.training().rowOf(i));
            }
            for (int i = 0; i < v; i++) {
                int row = f.validation().rowOf(i);
                assertFalse(trainRows.contains(row), "row " + row + " both trains and validates");
                assertTrue(validated.add(row), "row " + row + " validates twice");
            }
            assertEquals(v, f.validation().toDataSet().numExamples());
        }
        assertEquals(404, validated.size(), "every training row validates exactly once");
        assertEquals(folds.get(0).validation().rowOf(0), prepare("boston-housing", 3).kFolds(5).get(0).validation().rowOf(0));
    }

    @Test
    void kFoldOfAFoldsTrainingPartIteratesShuffled() throws DatasetException {
        Fold fold = prepare("wine", 5).kFolds(4).get(1);
        DataSetIterator it = fold.training().shuffledIterator(10, 5);
        int n = 0;
        while (it.hasNext()) {
            n += it.next().numExamples();
        }
        assertEquals(fold.training().size(), n);
    }
}
