package org.neuralcanvas.dataset.prep;

import org.nd4j.linalg.dataset.DataSet;

/**
 * Where minibatches come from: all examples of one split, addressed by row number. Contiguous
 * rows come back as views where the storage allows it; any other choice of rows as a copy of
 * just those rows.
 */
public interface BatchSource {

    /** Number of examples. */
    int size();

    /** One example's feature shape, Keras order, without the batch dimension. */
    int[] exampleShape();

    /** Columns of the label array. */
    int labelWidth();

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    DataSet rows(int from, int to);

    /** The given rows, in the given order. */
    DataSet rows(int[] rows);

    /** A text example's word indices in order, where the features no longer hold them (multi-hot); else null. */
    default int[] wordIndices(int row) {
        return null;
    }
}
