package org.neuralcanvas.dataset.prep;

import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Features and labels held as two row-major 2-D arrays ({@code [n, width]} and
 * {@code [n, labelWidth]}), made once. A run of rows is a view of them, reshaped to
 * {@code [rows, exampleShape...]} (a view too, since the rows are contiguous); scattered rows
 * are gathered by {@code Nd4j.pullRows} into a batch-sized copy.
 */
final class DenseSource implements BatchSource {

    private final INDArray features;
    private final INDArray labels;
    private final int[] exampleShape;
    private final long[] batchShape;

    DenseSource(INDArray features2d, INDArray labels2d, int[] exampleShape) {
        if (features2d.rank() != 2 || labels2d.rank() != 2 || features2d.rows() != labels2d.rows()) {
            throw new IllegalArgumentException("features and labels must be 2-D with one row per example");
        }
        if (features2d.dataType() != DataType.FLOAT || labels2d.dataType() != DataType.FLOAT
                || features2d.ordering() != 'c' || labels2d.ordering() != 'c'
                || features2d.offset() != 0 || labels2d.offset() != 0) {
            throw new IllegalArgumentException("features and labels must be whole row-major float arrays");
        }
        this.features = features2d;
        this.labels = labels2d;
        this.exampleShape = exampleShape.clone();
        this.batchShape = new long[exampleShape.length + 1];
        for (int i = 0; i < exampleShape.length; i++) {
            batchShape[i + 1] = exampleShape[i];
        }
    }

    INDArray features2d() {
        return features;
    }

    INDArray labels2d() {
        return labels;
    }

    @Override
    public int size() {
        return features.rows();
    }

    @Override
    public int[] exampleShape() {
        return exampleShape.clone();
    }

    @Override
    public int labelWidth() {
        return labels.columns();
    }

    @Override
    public DataSet rows(int from, int to) {
        INDArray x = shaped(features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
        if (labelsAreInputs()) {
            return new DataSet(x, x);
        }
        return new DataSet(x, labels.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
    }

    @Override
    public DataSet rows(int[] rows) {
        INDArray x = shaped(gather(features, rows));
        return new DataSet(x, labelsAreInputs() ? x : gather(labels, rows));
    }

    /**
     * Keras's {@code fit(x, x)} ({@link LabelEncoding#INPUTS}): the labels are the features array itself, and a
     * batch's labels are its inputs in their shape (an image autoencoder's output is an image), not a copy.
     */
    private boolean labelsAreInputs() {
        return labels == features;
    }

    /**
     * Copies the chosen rows of a row-major [n, w] float array into a new [rows, w] array,
     * straight between the two native buffers. (Nd4j.pullRows did the same ~50x slower here:
     * 12 ms for 128 MNIST rows, which would make a shuffled epoch take seconds.)
     */
    static INDArray gather(INDArray source, int[] rows) {
        int w = source.columns();
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, rows.length, w);
        FloatBuffer from = source.data().asNioFloat();
        FloatBuffer to = out.data().asNioFloat();
        long base = source.offset();
        for (int i = 0; i < rows.length; i++) {
            to.put(i * w, from, (int) (base + (long) rows[i] * w), w);
        }
        return out;
    }

    private INDArray shaped(INDArray x2d) {
        if (exampleShape.length == 1) {
            return x2d;
        }
        long[] shape = batchShape.clone();
        shape[0] = x2d.rows();
        return x2d.reshape('c', shape);
    }
}
