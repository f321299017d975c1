package org.neuralcanvas.domain.layer;

import org.neuralcanvas.domain.text.Sentences;
import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/** Shared shape arithmetic and the sentences for the usual mistakes. */
final class ShapeChecks {
    private static final Sentences SAY = Sentences.DOMAIN;


    private ShapeChecks() {
    }

    /** The single input of a one-input layer, which must have the given rank. */
    static TensorShape requireRank(String layer, String kind, List<TensorShape> inputs, int rank, String fix)
            throws ShapeException {
        TensorShape in = inputs.get(0);
        if (in.rank() != rank) {
            throw new ShapeException(SAY.say("rank.mismatch", layer, kind, describeRank(rank), in.toString(),
                    describeRank(in.rank()), fix));
        }
        return in;
    }

    static String describeRank(int rank) {
        return switch (rank) {
            case 1 -> SAY.say("rank.flat");
            case 2 -> SAY.say("rank.sequence");
            case 3 -> SAY.say("rank.image");
            default -> SAY.say("rank.other", rank + 1);
        };
    }

    /**
     * Output length of a convolution or pooling window along one axis, as Keras computes it:
     * {@code valid}: floor((in - k) / s) + 1; {@code same}: ceil(in / s).
     */
    static int windowOutput(String layer, String what, int in, int kernel, int stride, String padding)
            throws ShapeException {
        // causal (Conv1D): padded on the left by kernel - 1, then valid: as long as same.
        if ("same".equals(padding) || "causal".equals(padding)) {
            return (in + stride - 1) / stride;
        }
        if (kernel > in) {
            throw new ShapeException(SAY.say("window.tooBig", layer, what, String.valueOf(kernel), String.valueOf(in)));
        }
        return (in - kernel) / stride + 1;
    }

    /** A tuple parameter, or the fallback tuple when it is None (pooling strides default to the pool size). */
    static List<Integer> tupleOr(LayerParams p, String name, List<Integer> fallback) {
        List<Integer> t = p.getTuple(name);
        return t == null ? fallback : t;
    }
}
