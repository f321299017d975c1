package org.neuralcanvas.dataset;

import java.util.Arrays;

/**
 * Numeric features, row-major: example i occupies {@code features[i*width .. (i+1)*width)},
 * where width is the product of {@code exampleShape}. Images are channels-last (28, 28, 1) and
 * hold raw pixel values (0..255 for MNIST): scaling is a preprocessing option.
 *
 * @param features     all examples, row-major
 * @param exampleShape one example's shape, Keras order, no batch dimension
 * @param labels       class per example, or null for regression
 * @param targets      regression target per example, or null for classification
 */
public record DenseSplit(float[] features, int[] exampleShape, int[] labels, float[] targets) implements RawSplit {

    public DenseSplit {
        int n = labels != null ? labels.length : targets.length;
        if ((labels == null) == (targets == null)) {
            throw new IllegalArgumentException("a split has either class labels or regression targets");
        }
        long width = Arrays.stream(exampleShape).asLongStream().reduce(1, (a, b) -> a * b);
        if (features.length != n * width) {
            throw new IllegalArgumentException(features.length + " feature values do not make " + n
                    + " examples of shape " + Arrays.toString(exampleShape));
        }
    }

    @Override
    public int count() {
        return labels != null ? labels.length : targets.length;
    }

    /** Values per example: the product of the example shape. */
    public int width() {
        int w = 1;
        for (int d : exampleShape) {
            w *= d;
        }
        return w;
    }

    /** A copy of example i's features. */
    public float[] example(int i) {
        int w = width();
        return Arrays.copyOfRange(features, i * w, (i + 1) * w);
    }
}
