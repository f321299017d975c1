package org.neuralcanvas.dataset.prep;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.neuralcanvas.dataset.Shuffle;

/**
 * DL4J's view of an {@link ExampleSet}: minibatches of {@code batchSize} (the last one
 * smaller). In order, a batch of a run of rows is a view of the stored arrays; shuffled, it is
 * a copy of just that batch's rows. Shuffling draws a new order at the start of every epoch
 * from one Random seeded once, so a run with the same seed sees the same batches.
 */
final class ExampleSetIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final transient ExampleSet set;
    private final int batchSize;
    private final boolean shuffle;
    private final Random random;
    private final int[] order;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;

    ExampleSetIterator(ExampleSet set, int batchSize, boolean shuffle, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        this.set = set;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.random = new Random(seed);
        this.order = shuffle ? new int[set.size()] : null;
        if (shuffle) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            reshuffle();
        }
    }

    @Override
    public boolean hasNext() {
        return cursor < set.size();
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch is over; call reset()");
        }
        int end = Math.min(cursor + num, set.size());
        DataSet batch;
        if (shuffle) {
            int[] positions = new int[end - cursor];
            System.arraycopy(order, cursor, positions, 0, positions.length);
            int[] rows = new int[positions.length];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = set.rowOf(positions[i]);
            }
            batch = set.source().rows(rows);
        } else {
            batch = set.slice(cursor, end);
        }
        cursor = end;
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public int inputColumns() {
        int w = 1;
        for (int d : set.exampleShape()) {
            w *= d;
        }
        return w;
    }

    @Override
    public int totalOutcomes() {
        return set.labelWidth();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** Batches are independent of each other and the stored arrays are never written. */
    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public void reset() {
        cursor = 0;
        if (shuffle) {
            reshuffle();
        }
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return set.labelNames();
    }

    private void reshuffle() {
        Shuffle.inPlace(order, random);
    }
}
