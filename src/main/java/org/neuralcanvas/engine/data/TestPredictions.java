package org.neuralcanvas.engine.data;

import org.neuralcanvas.domain.shape.TensorShape;

/**
 * The test set with the model's outputs, as plain numbers a view can draw: the sample grid, the
 * samples behind a confusion-matrix cell, the predicted-vs-true scatter.
 *
 * @param sampleShape one sample's shape (channels-last), e.g. (28, 28, 1)
 * @param features    per sample, its values in channels-last order (after preprocessing)
 * @param truth       per sample, its label row (one-hot, a class index, 0/1, or target values)
 * @param predicted   per sample, the model's output row
 * @param classNames  class names in label order (empty for regression)
 * @param pictureHeight for image datasets (also when given flat), the picture's height; 0 when samples are not pictures
 * @param pictureWidth  the picture's width; 0 when not pictures
 * @param texts       for text datasets, each sample's words (decoded with the dataset's word index); else empty
 */
public record TestPredictions(TensorShape sampleShape, float[][] features, float[][] truth, float[][] predicted,
                              java.util.List<String> classNames, int pictureHeight, int pictureWidth,
                              java.util.List<String> texts) {

    /** Not text: no words to show. */
    public TestPredictions(TensorShape sampleShape, float[][] features, float[][] truth, float[][] predicted,
                           java.util.List<String> classNames, int pictureHeight, int pictureWidth) {
        this(sampleShape, features, truth, predicted, classNames, pictureHeight, pictureWidth, java.util.List.of());
    }

    /** Whether the samples are texts (a review, a newswire), shown as their words rather than their numbers. */
    public boolean hasText() {
        return !texts.isEmpty();
    }

    /** Sample {@code i}'s words, as the dataset's word index decodes them. */
    public String text(int i) {
        return texts.get(i);
    }

    public int size() {
        return features.length;
    }

    /** The true class of sample {@code i}: the hot column, or the index/0-1 value itself. */
    public int trueClass(int i) {
        return classOf(truth[i], true);
    }

    /** The predicted class: the largest output, or output above 0.5 for one sigmoid output. */
    public int predictedClass(int i) {
        return classOf(predicted[i], false);
    }

    private static int classOf(float[] row, boolean label) {
        if (row.length == 1) {
            return label ? Math.round(row[0]) : (row[0] >= 0.5f ? 1 : 0);
        }
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * An autoencoder's predictions: each output row is the model's reconstruction of its input (labels were the
     * inputs, Keras's {@code fit(x, x)}), so there are no classes and every row is as long as the sample.
     */
    public boolean isReconstruction() {
        return classNames.isEmpty() && size() > 0 && features[0].length > 1
                && truth[0].length == features[0].length && predicted[0].length == features[0].length;
    }

    /** Mean squared difference between sample {@code i}'s output row and its label row. */
    public double meanSquaredError(int i) {
        double sum = 0;
        for (int c = 0; c < truth[i].length; c++) {
            double d = predicted[i][c] - truth[i][c];
            sum += d * d;
        }
        return sum / truth[i].length;
    }

    public boolean isPicture() {
        return pictureHeight > 0 && pictureWidth > 0;
    }

    public String className(int c) {
        return c >= 0 && c < classNames.size() ? classNames.get(c) : String.valueOf(c);
    }
}
