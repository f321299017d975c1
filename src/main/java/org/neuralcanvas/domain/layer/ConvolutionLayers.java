package org.neuralcanvas.domain.layer;

import org.neuralcanvas.domain.text.Sentences;
import static org.neuralcanvas.domain.layer.ParamSpec.boolParam;
import static org.neuralcanvas.domain.layer.ParamSpec.choiceParam;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;
import static org.neuralcanvas.domain.layer.ParamSpec.tupleParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/** Declarations of convolution and pooling layers, 1-D over (steps, channels) and 2-D over (height, width, channels). */
final class ConvolutionLayers {
    private static final Sentences SAY = Sentences.DOMAIN;


    private static final List<String> PADDINGS = List.of("valid", "same");

    private ConvolutionLayers() {
    }

    static final LayerKind CONV1D = conv("Conv1D", "conv1d", 1);
    static final LayerKind CONV2D = conv("Conv2D", "conv2d", 2);
    static final LayerKind MAX_POOLING1D = pooling("MaxPooling1D", "max_pooling1d", 1);
    static final LayerKind AVERAGE_POOLING1D = pooling("AveragePooling1D", "average_pooling1d", 1);
    static final LayerKind MAX_POOLING2D = pooling("MaxPooling2D", "max_pooling2d", 2);
    static final LayerKind AVERAGE_POOLING2D = pooling("AveragePooling2D", "average_pooling2d", 2);
    static final LayerKind GLOBAL_AVERAGE_POOLING1D = globalPooling("GlobalAveragePooling1D", "global_average_pooling1d", 1);
    static final LayerKind GLOBAL_MAX_POOLING1D = globalPooling("GlobalMaxPooling1D", "global_max_pooling1d", 1);
    static final LayerKind GLOBAL_AVERAGE_POOLING2D = globalPooling("GlobalAveragePooling2D", "global_average_pooling2d", 2);
    static final LayerKind GLOBAL_MAX_POOLING2D = globalPooling("GlobalMaxPooling2D", "global_max_pooling2d", 2);

    static List<LayerKind> all() {
        return List.of(CONV1D, CONV2D, MAX_POOLING1D, AVERAGE_POOLING1D, MAX_POOLING2D, AVERAGE_POOLING2D,
                GLOBAL_AVERAGE_POOLING1D, GLOBAL_MAX_POOLING1D, GLOBAL_AVERAGE_POOLING2D, GLOBAL_MAX_POOLING2D);
    }

    /** Conv1D/Conv2D: spatial axes shrink by the kernel (valid) or by the stride only (same); channels become filters. */
    private static LayerKind conv(String keras, String base, int spatial) {
        List<Integer> three = spatial == 1 ? List.of(3) : List.of(3, 3);
        List<Integer> one = spatial == 1 ? List.of(1) : List.of(1, 1);
        return new LayerKind(keras, base, LayerCategory.CONVOLUTION,
                List.of(intParam("filters", 32, 1), tupleParam("kernel_size", three, spatial, spatial),
                        tupleParam("strides", one, spatial, spatial), choiceParam("padding", "valid", PADDINGS),
                        Activations.param("linear"), boolParam("use_bias", true)),
                1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, keras, in, spatial + 1, fixFor(spatial, name));
                    int[] dims = windowed(name, "kernel_size", x, p.getTuple("kernel_size"), p.getTuple("strides"),
                            p.getString("padding"));
                    dims[spatial] = p.getInt("filters");
                    return TensorShape.of(dims);
                },
                (in, out, p) -> {
                    long kernel = p.getTuple("kernel_size").stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
                    long filters = p.getInt("filters");
                    return ParamCount.trainable(kernel * in.get(0).last() * filters + (p.getBool("use_bias") ? filters : 0));
                });
    }

    private static LayerKind pooling(String keras, String base, int spatial) {
        List<Integer> two = spatial == 1 ? List.of(2) : List.of(2, 2);
        return new LayerKind(keras, base, LayerCategory.POOLING,
                List.of(tupleParam("pool_size", two, spatial, spatial),
                        tupleParam("strides", two, spatial, spatial).orNone(),
                        choiceParam("padding", "valid", PADDINGS)),
                1, 1,
                (name, in, p) -> {
                    TensorShape x = ShapeChecks.requireRank(name, keras, in, spatial + 1, fixFor(spatial, name));
                    List<Integer> pool = p.getTuple("pool_size");
                    int[] dims = windowed(name, "pool_size", x, pool, ShapeChecks.tupleOr(p, "strides", pool),
                            p.getString("padding"));
                    return TensorShape.of(dims);
                },
                (in, out, p) -> ParamCount.NONE);
    }

    private static LayerKind globalPooling(String keras, String base, int spatial) {
        return new LayerKind(keras, base, LayerCategory.POOLING, List.of(), 1, 1,
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

    private static String fixFor(int spatial, String name) {
        return SAY.say(spatial == 2 ? "fix.conv2d" : "fix.conv1d", name);
    }
}
