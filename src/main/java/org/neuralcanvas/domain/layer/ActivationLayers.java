package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.ALPHA;
import static org.neuralcanvas.domain.layer.ParamKeys.MAX_VALUE;
import static org.neuralcanvas.domain.layer.ParamKeys.NEGATIVE_SLOPE;
import static org.neuralcanvas.domain.layer.ParamKeys.SHARED_AXES;
import static org.neuralcanvas.domain.layer.ParamKeys.THRESHOLD;
import static org.neuralcanvas.domain.layer.ParamSpec.anyFloatParam;
import static org.neuralcanvas.domain.layer.ParamSpec.floatParam;
import static org.neuralcanvas.domain.layer.ParamSpec.tupleParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;

/**
 * The activation layers Keras has besides {@code Activation}: LeakyReLU, PReLU, ELU and ReLU with their own
 * arguments. All keep the shape; only PReLU learns (one slope per value, shared along {@code shared_axes}).
 */
final class ActivationLayers {
    private static final Sentences SAY = Sentences.DOMAIN;

    private ActivationLayers() {
    }

    /** Keras 3 names the slope negative_slope; Keras 2 (and its default 0.3) called it alpha. */
    static final LayerKind LEAKY_RELU = new LayerKind("LeakyReLU", "leaky_re_lu", LayerCategory.ACTIVATION,
            List.of(floatParam(NEGATIVE_SLOPE, 0.3, 0.0, null, false).aka("alpha")), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("LR").masks(MaskUse.PASSES);

    static final LayerKind ELU = new LayerKind("ELU", "elu", LayerCategory.ACTIVATION,
            List.of(floatParam(ALPHA, 1.0, 0.0, null, false)), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("ELU").masks(MaskUse.PASSES);

    /** ReLU(max_value=None, negative_slope=0, threshold=0): x above the threshold, capped; a slope below it. */
    static final LayerKind RELU = new LayerKind("ReLU", "re_lu", LayerCategory.ACTIVATION,
            List.of(floatParam(MAX_VALUE, 6.0, 0.0, null, false).orNone(),
                    floatParam(NEGATIVE_SLOPE, 0.0, 0.0, null, false), anyFloatParam(THRESHOLD, 0.0)), 1, 1,
            (name, in, p) -> in.get(0),
            (in, out, p) -> ParamCount.NONE).mark("ReLU").masks(MaskUse.PASSES);

    /** PReLU: a learnt slope for every input value, one per group along the shared (1-based) axes. */
    static final LayerKind PRELU = new LayerKind("PReLU", "p_re_lu", LayerCategory.ACTIVATION,
            List.of(tupleParam(SHARED_AXES, List.of(1, 2), 1, 3).orNone(), WeightSettings.trainable()), 1, 1,
            ActivationLayers::preluShape,
            (in, out, p) -> ParamCount.trainable(alphaShape(in.get(0), p).size())).mark("PR").masks(MaskUse.PASSES);

    static List<LayerKind> all() {
        return List.of(LEAKY_RELU, PRELU, ELU, RELU);
    }

    /** The shape of PReLU's alpha: the input's, with 1 along each shared axis (Keras's {@code param_shape}). */
    static TensorShape alphaShape(TensorShape input, LayerParams p) {
        int[] dims = input.dims();
        List<Integer> shared = p.get(SHARED_AXES);
        if (shared != null) {
            for (int axis : shared) {
                if (axis >= 1 && axis <= dims.length) {
                    dims[axis - 1] = 1;
                }
            }
        }
        return TensorShape.of(dims);
    }

    private static TensorShape preluShape(String name, List<TensorShape> in, LayerParams p) throws ShapeException {
        List<Integer> shared = p.get(SHARED_AXES);
        if (shared != null) {
            for (int axis : shared) {
                if (axis > in.get(0).rank()) {
                    throw new ShapeException(SAY.say("prelu.axis", name, String.valueOf(axis), in.get(0).toString(),
                            String.valueOf(in.get(0).rank())));
                }
            }
        }
        return in.get(0);
    }
}
