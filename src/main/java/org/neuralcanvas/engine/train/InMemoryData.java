package org.neuralcanvas.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One dataset held in memory, cut into batches. Shuffling is seeded, so a run repeats exactly.
 */
final class InMemoryData {

    private static final Sentences SAY = EngineSentences.SAY;

    private final DataSet data;

    InMemoryData(DataSet data) {
        this.data = data;
    }

    /** Reads an iterator to its end (from its start, when it can reset). */
    static InMemoryData read(DataSetIterator it) {
        if (it.resetSupported()) {
            it.reset();
        }
        List<DataSet> parts = new ArrayList<>();
        while (it.hasNext()) {
            parts.add(it.next());
        }
        if (parts.isEmpty()) {
            throw new TrainingFailure(SAY.say("data.empty"));
        }
        DataSet all = parts.size() == 1 ? parts.get(0) : DataSet.merge(parts);
        // Our own copy: shuffling works in place and must not touch the caller's arrays.
        return new InMemoryData(new DataSet(all.getFeatures().dup(), all.getLabels().dup()));
    }

    int size() {
        return (int) data.getFeatures().size(0);
    }

    INDArray features() {
        return data.getFeatures();
    }

    INDArray labels() {
        return data.getLabels();
    }

    /**
     * Keras's validation_split: the last {@code fraction} of the samples (before any shuffling)
     * become validation data. Returns {train, validation}.
     */
    InMemoryData[] splitFromEnd(double fraction) {
        int n = size();
        int at = (int) (n * (1.0 - fraction));
        if (at <= 0 || at >= n) {
            throw new TrainingFailure(SAY.say(at <= 0 ? "data.split.noTraining" : "data.split.noValidation",
                    String.valueOf(fraction), String.valueOf(n)));
        }
        return new InMemoryData[] {rows(0, at), rows(at, n)};
    }

    private InMemoryData rows(int from, int to) {
        return new InMemoryData(new DataSet(slice(features(), from, to).dup(), slice(labels(), from, to).dup()));
    }

    /**
     * Frees the native memory of this copy now (it is the size of the dataset), instead of whenever a garbage
     * collection runs its cleaners: a window that trains again and again would otherwise grow by a dataset per run.
     * Nothing may read this data afterwards.
     */
    void close() {
        for (INDArray a : new INDArray[] {data.getFeatures(), data.getLabels()}) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    /** Shuffles samples in place, the same way for the same seed. */
    void shuffle(long seed) {
        data.shuffle(seed);
    }

    int batches(int batchSize) {
        return (size() + batchSize - 1) / batchSize;
    }

    /** Up to {@code size} samples from sample {@code from} on: views of rows, no copy. */
    DataSet samples(int from, int size) {
        int to = Math.min(size(), from + size);
        return new DataSet(slice(features(), from, to), slice(labels(), from, to));
    }

    /** Batch {@code i} (0-based): views of rows, no copy. */
    DataSet batch(int i, int batchSize) {
        int from = i * batchSize;
        int to = Math.min(size(), from + batchSize);
        return new DataSet(slice(features(), from, to), slice(labels(), from, to));
    }

    private static INDArray slice(INDArray a, int from, int to) {
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        idx[0] = NDArrayIndex.interval(from, to);
        for (int d = 1; d < idx.length; d++) {
            idx[d] = NDArrayIndex.all();
        }
        return a.get(idx);
    }
}
