package org.neuralcanvas.domain.layer;

import org.neuralcanvas.domain.text.Sentences;
import static org.neuralcanvas.domain.layer.ParamSpec.boolParam;
import static org.neuralcanvas.domain.layer.ParamSpec.floatParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;
import static org.neuralcanvas.domain.layer.ParamSpec.tupleParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/** Declarations of the core layers: Input, Dense, Activation, Dropout, Flatten, Reshape, Softmax, Embedding, BatchNormalization. */
final class CoreLayers {
    private static final Sentences SAY = Sentences.DOMAIN;


    private CoreLayers() {
    }

    static final LayerKind INPUT = new LayerKind("Input", "input", LayerCategory.CORE,
            List.of(tupleParam("shape", List.of(784), 1, 3)), 0, 0,
            (name, in, p) -> TensorShape.of(p.getTuple("shape")),
            (in, out, p) -> ParamCount.NONE);

    static final LayerKind DENSE = new LayerKind("Dense", "dense", LayerCategory.CORE,
            List.of(intParam("units", 32, 1), Activations.param("linear"), boolParam("use_bias", true)), 1, 1,
            (name, in, p) -> {
                ShapeChecks.requireRank(name, "Dense", in, 1, SAY.say("fix.dense", name));
                return TensorShape.of(p.getInt("units"));
            },
            (in, out, p) -> {
                long units = p.getInt("units");
                return ParamCount.trainable(in.get(0).last() * units + (p.getBool("use_bias") ? units : 0));
            });

    static final LayerKind ACTIVATION = new LayerKind("Activation", "activation", LayerCategory.CORE,
            List.of(Activations.param("relu")), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE);

    static final LayerKind DROPOUT = new LayerKind("Dropout", "dropout", LayerCategory.CORE,
            List.of(floatParam("rate", 0.5, 0.0, 1.0, true)), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE);

    static final LayerKind FLATTEN = new LayerKind("Flatten", "flatten", LayerCategory.CORE,
            List.of(), 1, 1,
            (name, in, p) -> TensorShape.of(Math.toIntExact(in.get(0).size())),
            (in, out, p) -> ParamCount.NONE);

    static final LayerKind RESHAPE = new LayerKind("Reshape", "reshape", LayerCategory.CORE,
            List.of(tupleParam("target_shape", List.of(28, 28, 1), 1, 3).withMinusOne()), 1, 1,
            CoreLayers::reshape,
            (in, out, p) -> ParamCount.NONE);

    static final LayerKind SOFTMAX = new LayerKind("Softmax", "softmax", LayerCategory.CORE,
            List.of(), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE);

    static final LayerKind EMBEDDING = new LayerKind("Embedding", "embedding", LayerCategory.CORE,
            List.of(intParam("input_dim", 10000, 1), intParam("output_dim", 16, 1)), 1, 1,
            (name, in, p) -> {
                TensorShape seq = ShapeChecks.requireRank(name, "Embedding", in, 1,
                        SAY.say("fix.embedding"));
                return TensorShape.of(seq.dim(0), p.getInt("output_dim"));
            },
            (in, out, p) -> ParamCount.trainable((long) p.getInt("input_dim") * p.getInt("output_dim")));

    static final LayerKind BATCH_NORMALIZATION = new LayerKind("BatchNormalization", "batch_normalization",
            LayerCategory.NORMALIZATION,
            List.of(floatParam("momentum", 0.99, 0.0, 1.0, false), floatParam("epsilon", 0.001, 0.0, null, false),
                    boolParam("center", true), boolParam("scale", true)), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> {
                // Keras keeps gamma and beta (trainable, when scale/center) and the moving mean and
                // variance (never trained) for each channel of the last axis.
                long channels = in.get(0).last();
                long trainable = (p.getBool("center") ? channels : 0) + (p.getBool("scale") ? channels : 0);
                return new ParamCount(trainable, 2 * channels);
            });

    private static TensorShape reshape(String name, List<TensorShape> in, LayerParams p) throws ShapeException {
        List<Integer> target = p.getTuple("target_shape");
        long size = in.get(0).size();
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < target.size(); i++) {
            if (target.get(i) == -1) {
                unknownAt = i;
            } else {
                known *= target.get(i);
            }
        }
        int[] dims = target.stream().mapToInt(Integer::intValue).toArray();
        if (unknownAt >= 0 && size % known == 0) {
            dims[unknownAt] = (int) (size / known);
            known = size;
        }
        if (known != size) {
            throw new ShapeException(SAY.say("reshape.size", name, in.get(0).toString(), String.valueOf(size),
                    ParamSpec.show(target), String.valueOf(known)));
        }
        return TensorShape.of(dims);
    }

    static List<LayerKind> all() {
        return List.of(INPUT, DENSE, ACTIVATION, DROPOUT, FLATTEN, RESHAPE, SOFTMAX, EMBEDDING, BATCH_NORMALIZATION);
    }

}
