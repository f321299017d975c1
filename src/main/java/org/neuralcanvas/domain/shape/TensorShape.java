package org.neuralcanvas.domain.shape;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of one sample, without the batch axis, channels-last as in Keras: {@code (28, 28, 1)}
 * for an image, {@code (8, 16)} for 8 time steps of 16 features, {@code (784)} for a vector.
 * It prints with the batch axis as Keras does: {@code (None, 28, 28, 1)}.
 */
public final class TensorShape {

    private final int[] dims;

    private TensorShape(int[] dims) {
        this.dims = dims;
    }

    public static TensorShape of(int... dims) {
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("A size must be positive: " + Arrays.toString(dims));
            }
        }
        return new TensorShape(dims.clone());
    }

    public static TensorShape of(List<Integer> dims) {
        return of(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Number of axes without the batch axis: 1 for a vector, 3 for an image. */
    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    /** The last axis: features of a vector, channels of an image, features of a sequence. */
    public int last() {
        return dims[dims.length - 1];
    }

    public int[] dims() {
        return dims.clone();
    }

    public List<Integer> asList() {
        return Arrays.stream(dims).boxed().toList();
    }

    /** Number of values in one sample. */
    public long size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** A copy with the last axis replaced. */
    public TensorShape withLast(int last) {
        int[] copy = dims.clone();
        copy[copy.length - 1] = last;
        return of(copy);
    }

    /** Keras notation with the batch axis: {@code (None, 28, 28, 1)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : dims) {
            sb.append(", ").append(d);
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape t && Arrays.equals(dims, t.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }
}
