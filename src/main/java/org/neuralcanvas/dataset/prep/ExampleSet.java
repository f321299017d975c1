package org.neuralcanvas.dataset.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.neuralcanvas.dataset.Shuffle;

/**
 * Some examples of one split: a run of rows (the usual case: a whole split, or the training
 * part before a validation tail) or any chosen rows (a K-fold part). It hands out iterators
 * for training and evaluation, and K-fold partitions of itself.
 */
public final class ExampleSet {

    private final BatchSource source;
    private final List<String> labelNames;
    private final int from;
    private final int to;
    private final int[] rows; // null when the set is the run [from, to)

    ExampleSet(BatchSource source, List<String> labelNames, int from, int to) {
        this.source = source;
        this.labelNames = List.copyOf(labelNames);
        this.from = from;
        this.to = to;
        this.rows = null;
    }

    private ExampleSet(BatchSource source, List<String> labelNames, int[] rows) {
        this.source = source;
        this.labelNames = List.copyOf(labelNames);
        this.from = 0;
        this.to = 0;
        this.rows = rows;
    }

    public int size() {
        return rows != null ? rows.length : to - from;
    }

    /** One example's feature shape, Keras order, without the batch dimension. */
    public int[] exampleShape() {
        return source.exampleShape();
    }

    public int labelWidth() {
        return source.labelWidth();
    }

    /** Names of the label columns or classes, for DL4J's evaluation; empty for regression. */
    public List<String> labelNames() {
        return labelNames;
    }

    /** Example {@code i}'s word indices in order for multi-hot text (its features are a bag of words); else null. */
    public int[] wordIndices(int i) {
        return source.wordIndices(rowOf(i));
    }

    /** The row of the split that example {@code i} of this set is. */
    public int rowOf(int i) {
        return rows != null ? rows[i] : from + i;
    }

    /**
     * The whole set as one DataSet: views of the stored arrays for a run of rows (no copy),
     * a copy of the chosen rows otherwise. Multi-hot text is expanded here in full: prefer
     * iterators for it.
     */
    public DataSet toDataSet() {
        return rows != null ? source.rows(rows) : source.rows(from, to);
    }

    /** Examples {@code [start, end)} of this set, as one DataSet (a view for a run of rows). */
    public DataSet slice(int start, int end) {
        if (rows != null) {
            return source.rows(Arrays.copyOfRange(rows, start, end));
        }
        return source.rows(from + start, from + end);
    }

    /** Minibatches in order, e.g. for evaluation and prediction. */
    public DataSetIterator iterator(int batchSize) {
        return new ExampleSetIterator(this, batchSize, false, 0L);
    }

    /** Minibatches in a fresh order every epoch (each {@code reset()}), repeatable from the seed. */
    public DataSetIterator shuffledIterator(int batchSize, long seed) {
        return new ExampleSetIterator(this, batchSize, true, seed);
    }

    /** The chosen examples of this set (indices into this set, not into the split). */
    public ExampleSet subset(int[] positions) {
        int[] chosen = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            chosen[i] = rowOf(positions[i]);
        }
        return new ExampleSet(source, labelNames, chosen);
    }

    /**
     * K-fold cross-validation: the examples are shuffled with the seed and dealt into k parts
     * of sizes differing by at most one; fold i validates on part i and trains on the rest.
     */
    public List<Fold> kFolds(int k, long seed) {
        if (k < 2 || k > size()) {
            throw new IllegalArgumentException("K-fold needs 2 <= k <= " + size() + ", not " + k);
        }
        int n = size();
        int[] order = Shuffle.permutation(n, seed);
        List<Fold> folds = new ArrayList<>(k);
        int start = 0;
        for (int f = 0; f < k; f++) {
            int partSize = n / k + (f < n % k ? 1 : 0);
            int[] validation = Arrays.copyOfRange(order, start, start + partSize);
            int[] training = new int[n - partSize];
            System.arraycopy(order, 0, training, 0, start);
            System.arraycopy(order, start + partSize, training, start, n - start - partSize);
            folds.add(new Fold(f, subset(training), subset(validation)));
            start += partSize;
        }
        return folds;
    }

    BatchSource source() {
        return source;
    }

    boolean isRun() {
        return rows == null;
    }
}
