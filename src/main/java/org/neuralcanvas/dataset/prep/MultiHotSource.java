package org.neuralcanvas.dataset.prep;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Text as multi-hot vectors, made batch by batch from the word-index sequences: 25,000 IMDB
 * reviews as 10,000-wide float rows would take 1 GB, a batch of 128 takes 5 MB. Slot w is 1
 * when word index w occurs in the text (indices 1 and 2, start and out-of-vocabulary, included,
 * as Keras's tutorial {@code vectorize_sequences} does).
 */
final class MultiHotSource implements BatchSource {

    private final int[][] sequences; // already cut to the vocabulary
    private final INDArray labels;
    private final int vocabulary;

    MultiHotSource(int[][] sequences, INDArray labels2d, int vocabulary) {
        this.sequences = sequences;
        this.labels = labels2d;
        this.vocabulary = vocabulary;
    }

    @Override
    public int[] wordIndices(int row) {
        return sequences[row].clone();
    }

    @Override
    public int size() {
        return sequences.length;
    }

    @Override
    public int[] exampleShape() {
        return new int[] {vocabulary};
    }

    @Override
    public int labelWidth() {
        return labels.columns();
    }

    @Override
    public DataSet rows(int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return rows(rows);
    }

    @Override
    public DataSet rows(int[] rows) {
        float[] x = new float[rows.length * vocabulary];
        for (int r = 0; r < rows.length; r++) {
            for (int w : sequences[rows[r]]) {
                x[r * vocabulary + w] = 1f;
            }
        }
        return new DataSet(Nd4j.create(x, new long[] {rows.length, vocabulary}, 'c'), DenseSource.gather(labels, rows));
    }
}
