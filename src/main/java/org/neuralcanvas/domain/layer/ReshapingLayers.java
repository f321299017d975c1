package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.CROPPING;
import static org.neuralcanvas.domain.layer.ParamKeys.DIMS;
import static org.neuralcanvas.domain.layer.ParamKeys.INTERPOLATION;
import static org.neuralcanvas.domain.layer.ParamKeys.LENGTH_FACTOR;
import static org.neuralcanvas.domain.layer.ParamKeys.N;
import static org.neuralcanvas.domain.layer.ParamKeys.PADDING_SIZE;
import static org.neuralcanvas.domain.layer.ParamKeys.SIZE;
import static org.neuralcanvas.domain.layer.ParamSpec.choiceParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;
import static org.neuralcanvas.domain.layer.ParamSpec.tupleParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;

/**
 * Layers that change the spatial size without weights: zero padding, cropping, nearest-neighbour up-sampling
 * (1-D over steps, 2-D over height and width) and RepeatVector. Paddings and croppings are kept flat, 1-D as
 * (left, right) and 2-D as (top, bottom, left, right); Keras writes the 2-D ones as pairs.
 */
final class ReshapingLayers {
    private static final Sentences SAY = Sentences.DOMAIN;

    private ReshapingLayers() {
    }

    static final LayerKind ZERO_PADDING1D = new LayerKind("ZeroPadding1D", "zero_padding1d", LayerCategory.RESHAPING,
            List.of(tupleParam(PADDING_SIZE, List.of(1, 1), 2, 2, 0)), 1, 1,
            (name, in, p) -> resized(name, "ZeroPadding1D", in, 1, p.get(PADDING_SIZE), +1),
            (in, out, p) -> ParamCount.NONE).mark("P1");

    static final LayerKind ZERO_PADDING2D = new LayerKind("ZeroPadding2D", "zero_padding2d", LayerCategory.RESHAPING,
            List.of(tupleParam(PADDING_SIZE, List.of(1, 1, 1, 1), 4, 4, 0).inPairs()), 1, 1,
            (name, in, p) -> resized(name, "ZeroPadding2D", in, 2, p.get(PADDING_SIZE), +1),
            (in, out, p) -> ParamCount.NONE).mark("P2");

    static final LayerKind CROPPING1D = new LayerKind("Cropping1D", "cropping1d", LayerCategory.RESHAPING,
            List.of(tupleParam(CROPPING, List.of(1, 1), 2, 2, 0)), 1, 1,
            (name, in, p) -> resized(name, "Cropping1D", in, 1, p.get(CROPPING), -1),
            (in, out, p) -> ParamCount.NONE).mark("C1");

    static final LayerKind CROPPING2D = new LayerKind("Cropping2D", "cropping2d", LayerCategory.RESHAPING,
            List.of(tupleParam(CROPPING, List.of(0, 0, 0, 0), 4, 4, 0).inPairs()), 1, 1,
            (name, in, p) -> resized(name, "Cropping2D", in, 2, p.get(CROPPING), -1),
            (in, out, p) -> ParamCount.NONE).mark("C2");

    static final LayerKind UP_SAMPLING1D = new LayerKind("UpSampling1D", "up_sampling1d", LayerCategory.RESHAPING,
            List.of(intParam(LENGTH_FACTOR, 2, 1)), 1, 1,
            (name, in, p) -> {
                TensorShape x = ShapeChecks.requireRank(name, "UpSampling1D", in, 2, ConvolutionLayers.fixFor(1, name));
                return TensorShape.of(x.dim(0) * p.get(LENGTH_FACTOR), x.dim(1));
            },
            (in, out, p) -> ParamCount.NONE).mark("U1");

    /** DL4J up-samples by repeating values only, so nearest is the one interpolation offered. */
    static final LayerKind UP_SAMPLING2D = new LayerKind("UpSampling2D", "up_sampling2d", LayerCategory.RESHAPING,
            List.of(tupleParam(SIZE, List.of(2, 2), 2, 2), choiceParam(INTERPOLATION, "nearest", List.of("nearest"))),
            1, 1,
            (name, in, p) -> {
                TensorShape x = ShapeChecks.requireRank(name, "UpSampling2D", in, 3, ConvolutionLayers.fixFor(2, name));
                return TensorShape.of(x.dim(0) * p.get(SIZE).get(0), x.dim(1) * p.get(SIZE).get(1), x.dim(2));
            },
            (in, out, p) -> ParamCount.NONE).mark("U2");

    static final LayerKind REPEAT_VECTOR = new LayerKind("RepeatVector", "repeat_vector", LayerCategory.RESHAPING,
            List.of(intParam(N, 2, 1).required()), 1, 1,
            (name, in, p) -> {
                TensorShape x = ShapeChecks.requireRank(name, "RepeatVector", in, 1, SAY.say("fix.repeatVector", name));
                return TensorShape.of(p.get(N), x.dim(0));
            },
            (in, out, p) -> ParamCount.NONE).mark("Rp");

    /** Permute(dims): the sample's axes reordered, counted from 1 as Keras counts them; (2, 1) swaps steps and features. */
    static final LayerKind PERMUTE = new LayerKind("Permute", "permute", LayerCategory.RESHAPING,
            List.of(tupleParam(DIMS, List.of(2, 1), 1, 3).required()), 1, 1,
            (name, in, p) -> {
                TensorShape x = in.get(0);
                List<Integer> dims = p.get(DIMS);
                if (dims.size() != x.rank() || !new java.util.HashSet<>(dims).equals(
                        new java.util.HashSet<>(java.util.stream.IntStream.rangeClosed(1, x.rank()).boxed().toList()))) {
                    throw new ShapeException(SAY.say("permute.dims", name, ParamSpec.show(dims), x.toString(),
                            String.valueOf(x.rank())));
                }
                int[] out = new int[dims.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = x.dim(dims.get(i) - 1);
                }
                return TensorShape.of(out);
            },
            (in, out, p) -> ParamCount.NONE).mark("Pm");

    static List<LayerKind> all() {
        return List.of(ZERO_PADDING1D, ZERO_PADDING2D, CROPPING1D, CROPPING2D, UP_SAMPLING1D, UP_SAMPLING2D,
                REPEAT_VECTOR, PERMUTE);
    }

    /**
     * Adds ({@code sign} +1) or removes (-1) the amounts before and after each spatial axis:
     * {@code amounts} holds (before, after) for the first axis, then for the second.
     */
    private static TensorShape resized(String name, String kind, List<TensorShape> in, int spatial,
                                       List<Integer> amounts, int sign) throws ShapeException {
        TensorShape x = ShapeChecks.requireRank(name, kind, in, spatial + 1, ConvolutionLayers.fixFor(spatial, name));
        int[] dims = x.dims();
        for (int axis = 0; axis < spatial; axis++) {
            dims[axis] += sign * (amounts.get(2 * axis) + amounts.get(2 * axis + 1));
            if (dims[axis] < 1) {
                throw new ShapeException(SAY.say("cropping.tooMuch", name, x.toString(),
                        ParamSpec.show(amounts)));
            }
        }
        return TensorShape.of(dims);
    }
}
