package org.neuralcanvas.engine.compile;

import static org.neuralcanvas.domain.layer.ParamKeys.DROPOUT;
import static org.neuralcanvas.domain.layer.ParamKeys.KEY_DIM;
import static org.neuralcanvas.domain.layer.ParamKeys.NUM_HEADS;
import static org.neuralcanvas.domain.layer.ParamKeys.TRAINABLE;
import static org.neuralcanvas.domain.layer.ParamKeys.USE_BIAS;
import static org.neuralcanvas.domain.layer.ParamKeys.VALUE_DIM;

import java.util.Map;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.learning.config.NoOp;

/** DL4J mapping of MultiHeadAttention: our own vertex ({@link KerasMultiHeadAttention}). */
final class AttentionMappings {

    private AttentionMappings() {
    }

    static void register(Map<String, Dl4jMapping> m) {
        m.put("MultiHeadAttention", b -> {
            if (b.param(DROPOUT) > 0) {
                // A SameDiff vertex runs one graph for training and prediction, so dropout inside it would also
                // drop attention weights when predicting.
                throw new UnsupportedOperationException(b.name() + " (MultiHeadAttention) has dropout="
                        + b.param(DROPOUT) + " on its attention weights, which NeuralCanvas cannot apply yet. Set "
                        + "dropout to 0 and put a Dropout layer after it.");
            }
            var inputs = b.result().inputShapes();
            long[][] shapes = new long[inputs.size()][];
            for (int i = 0; i < shapes.length; i++) {
                TensorShape s = inputs.get(i);
                shapes[i] = new long[] {s.dim(0), s.dim(1)};
            }
            KerasMultiHeadAttention mha = new KerasMultiHeadAttention(b.param(NUM_HEADS), b.param(KEY_DIM),
                    b.param(VALUE_DIM), b.param(USE_BIAS), shapes);
            if (b.params().has(TRAINABLE.name()) && !b.param(TRAINABLE)) {
                // Frozen: its parameters take no steps (DL4J's frozen wrappers hold layers, not vertices).
                mha.setUpdater(new NoOp());
                mha.setBiasUpdater(new NoOp());
            }
            // The updater finds a vertex's gradients by this name (DL4J does not set it from addVertex's).
            mha.setName(b.name());
            b.graph().addVertex(b.name(), mha, b.inputs());
            return Dl4jVertex.of(b.name());
        });
    }
}
