package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.DROPOUT;
import static org.neuralcanvas.domain.layer.ParamKeys.KEY_DIM;
import static org.neuralcanvas.domain.layer.ParamKeys.NUM_HEADS;
import static org.neuralcanvas.domain.layer.ParamKeys.USE_BIAS;
import static org.neuralcanvas.domain.layer.ParamKeys.VALUE_DIM;
import static org.neuralcanvas.domain.layer.ParamSpec.boolParam;
import static org.neuralcanvas.domain.layer.ParamSpec.floatParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;

/** Declaration of MultiHeadAttention, which reads sequences (steps, features). */
final class AttentionLayers {
    private static final Sentences SAY = Sentences.DOMAIN;

    private AttentionLayers() {
    }

    /**
     * Keras's MultiHeadAttention called as {@code mha(query)} (self-attention, the query is also value and key),
     * {@code mha(query, value)} or {@code mha(query, value, key)}. Each input is projected per head (query and key
     * to key_dim, value to value_dim), and the heads' outputs projected back to the query's width. Weights as Keras
     * counts them: a kernel (features, heads, dim) and bias (heads, dim) per projection, the output kernel
     * (heads, value_dim, query features) and bias (query features).
     */
    static final LayerKind MULTI_HEAD_ATTENTION = new LayerKind("MultiHeadAttention", "multi_head_attention",
            LayerCategory.ATTENTION,
            List.of(intParam(NUM_HEADS, 2, 1).required(), intParam(KEY_DIM, 16, 1).required(),
                    intParam(VALUE_DIM, 16, 1), floatParam(DROPOUT, 0.0, 0.0, 1.0, true), boolParam(USE_BIAS, true),
                    WeightSettings.trainable()), 1, 3,
            AttentionLayers::attentionOutput,
            (in, out, p) -> {
                long heads = p.get(NUM_HEADS);
                long keyDim = p.get(KEY_DIM);
                long valueDim = p.get(VALUE_DIM);
                long query = in.get(0).last();
                long value = in.get(Math.min(1, in.size() - 1)).last();
                long key = in.get(in.size() - 1).last();
                boolean bias = p.get(USE_BIAS);
                long weights = query * heads * keyDim + key * heads * keyDim + value * heads * valueDim
                        + heads * valueDim * query;
                long biases = bias ? 2 * heads * keyDim + heads * valueDim + query : 0;
                return ParamCount.trainable(weights + biases);
            }).mark("MHA");

    static List<LayerKind> all() {
        return List.of(MULTI_HEAD_ATTENTION);
    }

    private static TensorShape attentionOutput(String name, List<TensorShape> in, LayerParams p) throws ShapeException {
        for (int i = 0; i < in.size(); i++) {
            ShapeChecks.requireRank(name, "MultiHeadAttention", List.of(in.get(i)), 2, SAY.say("fix.recurrent"));
        }
        TensorShape value = in.get(Math.min(1, in.size() - 1));
        TensorShape key = in.get(in.size() - 1);
        if (key.dim(0) != value.dim(0)) {
            throw new ShapeException(SAY.say("attention.keySteps", name, value.toString(), key.toString()));
        }
        return in.get(0);
    }
}
