package org.neuralcanvas.domain.layer;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/** Shared shape arithmetic and the sentences for the usual mistakes. */
final class ShapeChecks {

    private ShapeChecks() {
    }

    /** The single input of a one-input layer, which must have the given rank. */
    static TensorShape requireRank(String layer, String kind, List<TensorShape> inputs, int rank, String fix)
            throws ShapeException {
        TensorShape in = inputs.get(0);
        if (in.rank() != rank) {
            throw new ShapeException(layer + " (" + kind + ") expects " + describeRank(rank) + " but gets "
                    + in + ", " + describeRank(in.rank()) + ". " + fix);
        }
        return in;
    }

    static String describeRank(int rank) {
        return switch (rank) {
            case 1 -> "a flat vector (None, features)";
            case 2 -> "a sequence (None, steps, features)";
            case 3 -> "an image (None, height, width, channels)";
            default -> "a " + (rank + 1) + "-D tensor";
        };
    }

    /**
     * Output length of a convolution or pooling window along one axis, as Keras computes it:
     * {@code valid}: floor((in - k) / s) + 1; {@code same}: ceil(in / s).
     */
    static int windowOutput(String layer, String what, int in, int kernel, int stride, String padding)
            throws ShapeException {
        if ("same".equals(padding)) {
            return (in + stride - 1) / stride;
        }
        if (kernel > in) {
            throw new ShapeException(layer + ": the " + what + " " + kernel + " is bigger than its input size " + in
                    + ". Use a smaller " + what + ", padding='same', or remove a pooling layer before it.");
        }
        return (in - kernel) / stride + 1;
    }

    /** A tuple parameter, or the fallback tuple when it is None (pooling strides default to the pool size). */
    static List<Integer> tupleOr(LayerParams p, String name, List<Integer> fallback) {
        List<Integer> t = p.getTuple(name);
        return t == null ? fallback : t;
    }
}
