package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.DEPTH_MULTIPLIER;
import static org.neuralcanvas.domain.layer.ParamKeys.DILATION_RATE;
import static org.neuralcanvas.domain.layer.ParamKeys.FILTERS;
import static org.neuralcanvas.domain.layer.ParamKeys.KERNEL_SIZE;
import static org.neuralcanvas.domain.layer.ParamKeys.PADDING;
import static org.neuralcanvas.domain.layer.ParamKeys.POOL_SIZE;
import static org.neuralcanvas.domain.layer.ParamKeys.STRIDES;
import static org.neuralcanvas.domain.layer.ParamKeys.USE_BIAS;
import static org.neuralcanvas.domain.layer.ParamSpec.boolParam;
import static org.neuralcanvas.domain.layer.ParamSpec.choiceParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;
import static org.neuralcanvas.domain.layer.ParamSpec.tupleParam;

import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;

/**
 * Declarations of convolution and pooling layers, 1-D over (steps, channels) and 2-D over (height, width, channels).
 * Weight counts follow Keras's {@code build()} of each layer (keras/src/layers/convolutional/*.py).
 */
final class ConvolutionLayers {
    private static final Sentences SAY = Sentences.DOMAIN;

    private static final List<String> PADDINGS = List.of("valid", "same");

    private ConvolutionLayers() {
    }

    static final LayerKind CONV1D = conv("Conv1D", "conv1d", 1).aka("Convolution1D").mark("1D");
    static final LayerKind CONV2D = conv("Conv2D", "conv2d", 2).aka("Convolution2D").mark("2D");
    static final LayerKind CONV2D_TRANSPOSE = conv2dTranspose();
    static final LayerKind SEPARABLE_CONV2D = separableConv2d();
    static final LayerKind DEPTHWISE_CONV2D = depthwiseConv2d();
    static final LayerKind MAX_POOLING1D = pooling("MaxPooling1D", "max_pooling1d", 1).mark("M1");
    static final LayerKind AVERAGE_POOLING1D = pooling("AveragePooling1D", "average_pooling1d", 1).mark("A1");
    static final LayerKind MAX_POOLING2D = pooling("MaxPooling2D", "max_pooling2d", 2).mark("M2");
    static final LayerKind AVERAGE_POOLING2D = pooling("AveragePooling2D", "average_pooling2d", 2).mark("A2");
    static final LayerKind GLOBAL_AVERAGE_POOLING1D =
            globalPooling("GlobalAveragePooling1D", "global_average_pooling1d", 1).mark("GA1")
            .masks(MaskUse.READS);
    static final LayerKind GLOBAL_MAX_POOLING1D = globalPooling("GlobalMaxPooling1D", "global_max_pooling1d", 1).mark("GM1");
    static final LayerKind GLOBAL_AVERAGE_POOLING2D =
            globalPooling("GlobalAveragePooling2D", "global_average_pooling2d", 2).mark("GA2");
    static final LayerKind GLOBAL_MAX_POOLING2D = globalPooling("GlobalMaxPooling2D", "global_max_pooling2d", 2).mark("GM2");

    static List<LayerKind> all() {
        return List.of(CONV1D, CONV2D, CONV2D_TRANSPOSE, SEPARABLE_CONV2D, DEPTHWISE_CONV2D, MAX_POOLING1D,
                AVERAGE_POOLING1D, MAX_POOLING2D, AVERAGE_POOLING2D, GLOBAL_AVERAGE_POOLING1D, GLOBAL_MAX_POOLING1D,
                GLOBAL_AVERAGE_POOLING2D, GLOBAL_MAX_POOLING2D);
    }

    /**
     * Conv1D/Conv2D: spatial axes shrink by the kernel (valid) or by the stride only (same; Conv1D's causal pads the
     * start of the sequence); channels become filters. A dilated kernel spans (k − 1) · d + 1 values.
     */
    private static LayerKind conv(String keras, String base, int spatial) {
        List<ParamSpec> params = new ArrayList<>(List.of(intParam(FILTERS, 32, 1).required().aka("nb_filter"),
                tupleParam(KERNEL_SIZE, times(3, spatial), spatial, spatial).required().aka("filter_length")));
        params.addAll(windowSettings(spatial));
        if (spatial == 1) {
            params.set(3, choiceParam(PADDING, "valid", List.of("valid", "same", "causal")).aka("border_mode"));
        }
        params.add(3, tupleParam(DILATION_RATE, times(1, spatial), spatial, spatial).aka("atrous_rate"));
        return new LayerKind(keras, base, LayerCategory.CONVOLUTION,
                CoreLayers.distributable(CoreLayers.withWeightSettings(params, true)), 1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, keras, in, spatial + 1, fixFor(spatial, name));
                    List<Integer> dilation = p.get(DILATION_RATE);
                    if (dilation.stream().anyMatch(d -> d > 1) && p.get(STRIDES).stream().anyMatch(s -> s > 1)) {
                        throw new ShapeException(SAY.say("conv.dilationAndStrides", name));
                    }
                    List<Integer> span = new ArrayList<>();
                    for (int i = 0; i < spatial; i++) {
                        span.add((p.get(KERNEL_SIZE).get(i) - 1) * dilation.get(i) + 1);
                    }
                    int[] dims = windowed(name, "kernel_size", x, span, p.get(STRIDES), p.get(PADDING));
                    dims[spatial] = p.get(FILTERS);
                    return TensorShape.of(dims);
                },
                (in, out, p) -> {
                    long filters = p.get(FILTERS);
                    return ParamCount.trainable(area(p) * in.get(0).last() * filters + (p.get(USE_BIAS) ? filters : 0));
                });
    }

    /**
     * Conv2DTranspose (a "deconvolution"): each spatial axis grows to {@code in * stride} (same) or
     * {@code (in - 1) * stride + kernel} (valid), as Keras's {@code compute_conv_transpose_output_shape} without
     * output padding. Kernel (kh, kw, filters, channels) plus a bias per filter.
     */
    private static LayerKind conv2dTranspose() {
        List<ParamSpec> params = new ArrayList<>(List.of(intParam(FILTERS, 32, 1).required(),
                tupleParam(KERNEL_SIZE, times(3, 2), 2, 2).required()));
        params.addAll(windowSettings(2));
        return new LayerKind("Conv2DTranspose", "conv2d_transpose", LayerCategory.CONVOLUTION,
                CoreLayers.withWeightSettings(params, true), 1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, "Conv2DTranspose", in, 3, fixFor(2, name));
                    int[] dims = x.dims();
                    for (int axis = 0; axis < 2; axis++) {
                        int stride = p.get(STRIDES).get(axis);
                        dims[axis] = "same".equals(p.get(PADDING)) ? dims[axis] * stride
                                : (dims[axis] - 1) * stride + p.get(KERNEL_SIZE).get(axis);
                    }
                    dims[2] = p.get(FILTERS);
                    return TensorShape.of(dims);
                },
                (in, out, p) -> {
                    long filters = p.get(FILTERS);
                    return ParamCount.trainable(area(p) * in.get(0).last() * filters + (p.get(USE_BIAS) ? filters : 0));
                }).mark("T2");
    }

    /**
     * SeparableConv2D: a depthwise kernel (kh, kw, channels, depth_multiplier), then a 1×1 pointwise kernel
     * (channels × depth_multiplier → filters), then a bias per filter.
     */
    private static LayerKind separableConv2d() {
        List<ParamSpec> params = new ArrayList<>(List.of(intParam(FILTERS, 32, 1).required(),
                tupleParam(KERNEL_SIZE, times(3, 2), 2, 2).required()));
        params.addAll(windowSettings(2));
        params.add(2, intParam(DEPTH_MULTIPLIER, 1, 1));
        return new LayerKind("SeparableConv2D", "separable_conv2d", LayerCategory.CONVOLUTION,
                CoreLayers.withWeightSettings(params, false), 1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, "SeparableConv2D", in, 3, fixFor(2, name));
                    int[] dims = windowed(name, "kernel_size", x, p.get(KERNEL_SIZE), p.get(STRIDES), p.get(PADDING));
                    dims[2] = p.get(FILTERS);
                    return TensorShape.of(dims);
                },
                (in, out, p) -> {
                    long channels = in.get(0).last() * p.get(DEPTH_MULTIPLIER);
                    long filters = p.get(FILTERS);
                    return ParamCount.trainable(area(p) * channels + channels * filters + (p.get(USE_BIAS) ? filters : 0));
                }).mark("S2");
    }

    /** DepthwiseConv2D: each channel convolved on its own into depth_multiplier channels, a bias for each. */
    private static LayerKind depthwiseConv2d() {
        List<ParamSpec> params = new ArrayList<>(List.of(tupleParam(KERNEL_SIZE, times(3, 2), 2, 2).required()));
        params.addAll(windowSettings(2));
        params.add(1, intParam(DEPTH_MULTIPLIER, 1, 1));
        return new LayerKind("DepthwiseConv2D", "depthwise_conv2d", LayerCategory.CONVOLUTION,
                CoreLayers.withWeightSettings(params, false), 1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, "DepthwiseConv2D", in, 3, fixFor(2, name));
                    int[] dims = windowed(name, "kernel_size", x, p.get(KERNEL_SIZE), p.get(STRIDES), p.get(PADDING));
                    dims[2] = x.last() * p.get(DEPTH_MULTIPLIER);
                    return TensorShape.of(dims);
                },
                (in, out, p) -> {
                    long channels = in.get(0).last() * p.get(DEPTH_MULTIPLIER);
                    return ParamCount.trainable(area(p) * channels + (p.get(USE_BIAS) ? channels : 0));
                }).mark("DW");
    }

    /** strides, padding, activation and use_bias, with the names Keras 1 gave them. */
    private static List<ParamSpec> windowSettings(int spatial) {
        return List.of(tupleParam(STRIDES, times(1, spatial), spatial, spatial).aka("subsample", "subsample_length"),
                choiceParam(PADDING, "valid", PADDINGS).aka("border_mode"), Activations.param("linear"),
                boolParam(USE_BIAS, true).aka("bias"));
    }

    private static LayerKind pooling(String keras, String base, int spatial) {
        List<Integer> two = times(2, spatial);
        // Keras 3's average pooling has no default pool size (its max pooling does).
        ParamSpec poolSize = tupleParam(POOL_SIZE, two, spatial, spatial).aka("pool_length");
        return new LayerKind(keras, base, LayerCategory.POOLING,
                CoreLayers.distributable(List.of(keras.startsWith("Average") ? poolSize.required() : poolSize,
                        tupleParam(STRIDES, two, spatial, spatial).orNone().aka("stride"),
                        choiceParam(PADDING, "valid", PADDINGS).aka("border_mode"))),
                1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, keras, in, spatial + 1, fixFor(spatial, name));
                    List<Integer> pool = p.get(POOL_SIZE);
                    int[] dims = windowed(name, "pool_size", x, pool, ShapeChecks.tupleOr(p, "strides", pool),
                            p.get(PADDING));
                    return TensorShape.of(dims);
                },
                (in, out, p) -> ParamCount.NONE);
    }

    private static LayerKind globalPooling(String keras, String base, int spatial) {
        return new LayerKind(keras, base, LayerCategory.POOLING, CoreLayers.distributable(List.of()), 1, 1,
                (name, in, p) -> TensorShape.of(
                        ShapeChecks.requireRank(name, keras, in, spatial + 1, fixFor(spatial, name)).last()),
                (in, out, p) -> ParamCount.NONE);
    }

    /** Applies a window along each spatial axis; the returned dims still hold the input channels last. */
    private static int[] windowed(String name, String what, TensorShape x, List<Integer> window,
                                  List<Integer> strides, String padding) throws ShapeException {
        int[] dims = x.dims();
        for (int axis = 0; axis < window.size(); axis++) {
            dims[axis] = ShapeChecks.windowOutput(name, what, dims[axis], window.get(axis), strides.get(axis), padding);
        }
        return dims;
    }

    private static long area(LayerParams p) {
        return p.get(KERNEL_SIZE).stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
    }

    static List<Integer> times(int value, int count) {
        return java.util.Collections.nCopies(count, value);
    }

    static String fixFor(int spatial, String name) {
        return SAY.say(spatial == 2 ? "fix.conv2d" : "fix.conv1d", name);
    }
}
