package org.neuralcanvas.domain.layer;

import org.neuralcanvas.domain.text.Sentences;
import static org.neuralcanvas.domain.layer.ParamSpec.boolParam;
import static org.neuralcanvas.domain.layer.ParamSpec.floatParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;
import static org.neuralcanvas.domain.layer.ParamSpec.tupleParam;
import static org.neuralcanvas.domain.layer.ParamKeys.*;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/** Declarations of the core layers: Input, Dense, Activation, Dropout, Flatten, Reshape, Softmax, Embedding, BatchNormalization. */
final class CoreLayers {
    private static final Sentences SAY = Sentences.DOMAIN;


    private CoreLayers() {
    }

    static final LayerKind INPUT = new LayerKind("Input", "input", LayerCategory.CORE,
            // Rank 4 for sequences of images, (steps, height, width, channels), read by TimeDistributed layers.
            List.of(tupleParam(SHAPE, List.of(784), 1, 4).required()), 0, 0,
            (name, in, p) -> TensorShape.of(p.get(SHAPE)),
            (in, out, p) -> ParamCount.NONE).mark("IN");

    static final LayerKind DENSE = new LayerKind("Dense", "dense", LayerCategory.CORE,
            distributable(withWeightSettings(List.of(intParam(UNITS, 32, 1).required().aka("output_dim"),
                    Activations.param("linear"), boolParam(USE_BIAS, true).aka("bias")), true)), 1, 1,
            (name, in, p) -> {
                ShapeChecks.requireRank(name, "Dense", in, 1, SAY.say("fix.dense", name));
                return TensorShape.of(p.get(UNITS));
            },
            (in, out, p) -> {
                long units = p.get(UNITS);
                return ParamCount.trainable(in.get(0).last() * units + (p.get(USE_BIAS) ? units : 0));
            }).mark("D").masks(MaskUse.PASSES);

    static final LayerKind ACTIVATION = new LayerKind("Activation", "activation", LayerCategory.ACTIVATION,
            List.of(Activations.param("relu").required()), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("f(x)").masks(MaskUse.PASSES);

    static final LayerKind DROPOUT = new LayerKind("Dropout", "dropout", LayerCategory.REGULARIZATION,
            distributable(List.of(floatParam(RATE, 0.5, 0.0, 1.0, true).required().aka("p"))), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("Dr").masks(MaskUse.PASSES);

    static final LayerKind FLATTEN = new LayerKind("Flatten", "flatten", LayerCategory.RESHAPING,
            distributable(List.of()), 1, 1,
            (name, in, p) -> TensorShape.of(Math.toIntExact(in.get(0).size())),
            (in, out, p) -> ParamCount.NONE).mark("Fl");

    static final LayerKind RESHAPE = new LayerKind("Reshape", "reshape", LayerCategory.RESHAPING,
            List.of(tupleParam(TARGET_SHAPE, List.of(28, 28, 1), 1, 3).withMinusOne().required()), 1, 1,
            CoreLayers::reshape,
            (in, out, p) -> ParamCount.NONE).mark("Rs");

    static final LayerKind SOFTMAX = new LayerKind("Softmax", "softmax", LayerCategory.ACTIVATION,
            List.of(), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("Sm");

    static final LayerKind EMBEDDING = new LayerKind("Embedding", "embedding", LayerCategory.CORE,
            List.of(intParam(INPUT_DIM, 10000, 1).required(), intParam(OUTPUT_DIM, 16, 1).required(),
                    boolParam(MASK_ZERO, false), WeightSettings.trainable()), 1, 1,
            (name, in, p) -> {
                TensorShape seq = ShapeChecks.requireRank(name, "Embedding", in, 1,
                        SAY.say("fix.embedding"));
                return TensorShape.of(seq.dim(0), p.get(OUTPUT_DIM));
            },
            (in, out, p) -> ParamCount.trainable((long) p.get(INPUT_DIM) * p.get(OUTPUT_DIM))).mark("Em")
            .masks(p -> p.get(MASK_ZERO) ? MaskUse.MAKES : MaskUse.DROPS);

    /**
     * Masking: marks the steps whose every feature equals mask_value as padding, which the recurrent layers after it
     * skip, and sets them to 0. Keras's own (it has no weights); the mask is made from its input.
     */
    static final LayerKind MASKING = new LayerKind("Masking", "masking", LayerCategory.CORE,
            List.of(ParamSpec.anyFloatParam(MASK_VALUE, 0.0)), 1, 1,
            (name, in, p) -> ShapeChecks.requireRank(name, "Masking", in, 2, SAY.say("fix.masking", name)),
            (in, out, p) -> ParamCount.NONE).mark("Mk").masks(MaskUse.MAKES);

    static final LayerKind BATCH_NORMALIZATION = new LayerKind("BatchNormalization", "batch_normalization",
            LayerCategory.NORMALIZATION,
            List.of(floatParam(MOMENTUM, 0.99, 0.0, 1.0, false), floatParam(EPSILON, 0.001, 0.0, null, false),
                    boolParam(CENTER, true), boolParam(SCALE, true), WeightSettings.trainable()), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> {
                // Keras keeps gamma and beta (trainable, when scale/center) and the moving mean and
                // variance (never trained) for each channel of the last axis.
                long channels = in.get(0).last();
                long trainable = (p.get(CENTER) ? channels : 0) + (p.get(SCALE) ? channels : 0);
                return new ParamCount(trainable, 2 * channels);
            }).mark("BN").masks(MaskUse.PASSES);

    /** LayerNormalization over the last axis: gamma and beta per feature, no moving statistics. */
    static final LayerKind LAYER_NORMALIZATION = new LayerKind("LayerNormalization", "layer_normalization",
            LayerCategory.NORMALIZATION,
            List.of(floatParam(EPSILON, 0.001, 0.0, null, false), boolParam(CENTER, true), boolParam(SCALE, true),
                    WeightSettings.trainable()), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> {
                long features = in.get(0).last();
                return ParamCount.trainable((p.get(CENTER) ? features : 0) + (p.get(SCALE) ? features : 0));
            }).mark("LN").masks(MaskUse.PASSES);

    /** Rescaling: x * scale + offset, e.g. scale=1/255 to bring pixel values into [0, 1]. */
    static final LayerKind RESCALING = new LayerKind("Rescaling", "rescaling", LayerCategory.CORE,
            List.of(ParamSpec.anyFloatParam(SCALE_FACTOR, 1.0 / 255).required(), ParamSpec.anyFloatParam(OFFSET, 0.0)),
            1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("×k").masks(MaskUse.PASSES);

    /** The parameters, then the switch that applies the layer to every step (Keras's TimeDistributed). */
    static List<ParamSpec> distributable(List<ParamSpec> params) {
        List<ParamSpec> all = new java.util.ArrayList<>(params);
        all.add(TimeDistribution.param());
        return all;
    }

    /** The parameters, then (for kinds that have them) the initializers, then trainable. */
    static List<ParamSpec> withWeightSettings(List<ParamSpec> params, boolean initializers) {
        List<ParamSpec> all = new java.util.ArrayList<>(params);
        if (initializers) {
            all.addAll(WeightSettings.initializers());
        }
        all.add(WeightSettings.trainable());
        return all;
    }

    private static TensorShape reshape(String name, List<TensorShape> in, LayerParams p) throws ShapeException {
        List<Integer> target = p.get(TARGET_SHAPE);
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
        return List.of(INPUT, DENSE, ACTIVATION, DROPOUT, FLATTEN, RESHAPE, SOFTMAX, EMBEDDING, MASKING,
                BATCH_NORMALIZATION, LAYER_NORMALIZATION, RESCALING);
    }

}
