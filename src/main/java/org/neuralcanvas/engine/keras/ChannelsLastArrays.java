package org.neuralcanvas.engine.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.TensorShape;

/**
 * Brings arrays that older or channels-first files store differently into the layout of a Keras 2
 * channels-last file, which {@link KerasWeightLayouts} and {@link KerasLayerCheck} read:
 * <ul>
 *   <li>Keras 1 {@code dim_ordering='th'} convolution kernels {@code [out, in, h, w]} → {@code [h, w, in, out]};
 *       Keras 1's 4-axis Convolution1D kernel {@code [k, 1, in, out]} → {@code [k, in, out]};</li>
 *   <li>kernels saved with the Theano backend, which convolves (flips the kernel) where TensorFlow and we
 *       correlate: flipped in height and width;</li>
 *   <li>the Dense after a Flatten of channels-first data: Keras flattened (channels, height, width), we
 *       flatten (height, width, channels), so the kernel's rows are put in our order.</li>
 * </ul>
 */
final class ChannelsLastArrays {

    private ChannelsLastArrays() {
    }

    static List<KerasArray> adapt(LayerNode node, KerasLayerConfig layer, List<KerasArray> arrays, String backend,
                                  ModelGraph graph, InferenceResult inference, Set<String> channelsFirstFlatten) {
        String kind = node.kind().kerasName();
        List<KerasArray> out = new ArrayList<>(arrays);
        if ((kind.equals("Conv2D") || kind.equals("Conv1D")) && !out.isEmpty()) {
            KerasArray kernel = out.get(0);
            boolean th = layer != null && "th".equals(layer.config().path("dim_ordering").asText(""));
            if (kind.equals("Conv2D") && th && kernel.rank() == 4) {
                kernel = permute(kernel, 2, 3, 1, 0);
            }
            if (kind.equals("Conv1D") && kernel.rank() == 4 && kernel.dim(1) == 1) {
                kernel = new KerasArray(kernel.name(), new long[] {kernel.dim(0), kernel.dim(2), kernel.dim(3)},
                        kernel.values());
            }
            if ("theano".equals(backend)) {
                kernel = flipSpatial(kernel);
            }
            out.set(0, kernel);
        }
        if (kind.equals("Dense") && !out.isEmpty()) {
            TensorShape flattened = channelsFirstFlattenFeeding(node, graph, inference, channelsFirstFlatten);
            if (flattened != null && out.get(0).rank() == 2) {
                out.set(0, rowsChannelsLast(out.get(0), flattened));
            }
        }
        return out;
    }

    /** The input shape (ours, channels last) of the channels-first Flatten that feeds the Dense, through Dropouts. */
    private static TensorShape channelsFirstFlattenFeeding(LayerNode dense, ModelGraph graph, InferenceResult inference,
                                                           Set<String> flattens) {
        LayerNode at = dense;
        for (int step = 0; step < 100; step++) {
            List<Edge> in = graph.incoming(at.id());
            if (in.size() != 1) {
                return null;
            }
            LayerNode from = graph.node(in.get(0).from());
            if (flattens.contains(from.id())) {
                var r = inference.node(from.id());
                return r.isPresent() && r.get().inputShapes().size() == 1 && r.get().inputShapes().get(0).rank() >= 2
                        ? r.get().inputShapes().get(0) : null;
            }
            String k = from.kind().kerasName();
            if (!k.equals("Dropout") && !k.equals("Activation")) {
                return null;
            }
            at = from;
        }
        return null;
    }

    /** Row (i1, ..., ik, c) of ours is row (c, i1, ..., ik) of Keras's channels-first flatten. */
    private static KerasArray rowsChannelsLast(KerasArray kernel, TensorShape ours) {
        int rows = (int) kernel.dim(0);
        int units = (int) kernel.dim(1);
        int channels = ours.last();
        int spatial = rows / Math.max(1, channels);
        if (spatial * channels != rows) {
            return kernel; // not the flatten we think it is; the shape check will say so
        }
        float[] values = new float[kernel.values().length];
        for (int s = 0; s < spatial; s++) {
            for (int c = 0; c < channels; c++) {
                int ourRow = s * channels + c;
                int kerasRow = c * spatial + s;
                System.arraycopy(kernel.values(), kerasRow * units, values, ourRow * units, units);
            }
        }
        return new KerasArray(kernel.name(), kernel.shape(), values);
    }

    private static KerasArray flipSpatial(KerasArray kernel) {
        // [h, w, in, out] or [k, in, out]: the leading spatial axes are reversed.
        int spatialAxes = kernel.rank() - 2;
        long block = kernel.dim(kernel.rank() - 2) * kernel.dim(kernel.rank() - 1);
        long[] dims = Arrays.copyOf(kernel.shape(), spatialAxes);
        int positions = (int) Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        float[] values = new float[kernel.values().length];
        for (int p = 0; p < positions; p++) {
            // position p → its mirror in every spatial axis
            int rest = p;
            int mirror = 0;
            int stride = 1;
            for (int axis = spatialAxes - 1; axis >= 0; axis--) {
                int i = rest % (int) dims[axis];
                rest /= (int) dims[axis];
                mirror += ((int) dims[axis] - 1 - i) * stride;
                stride *= (int) dims[axis];
            }
            System.arraycopy(kernel.values(), (int) (p * block), values, (int) (mirror * block), (int) block);
        }
        return new KerasArray(kernel.name(), kernel.shape(), values);
    }

    private static KerasArray permute(KerasArray a, int... axes) {
        long[] shape = a.shape();
        long[] newShape = new long[axes.length];
        for (int i = 0; i < axes.length; i++) {
            newShape[i] = shape[axes[i]];
        }
        int[] strides = new int[shape.length];
        strides[shape.length - 1] = 1;
        for (int i = shape.length - 2; i >= 0; i--) {
            strides[i] = strides[i + 1] * (int) shape[i + 1];
        }
        float[] out = new float[a.values().length];
        int[] index = new int[axes.length];
        for (int o = 0; o < out.length; o++) {
            int source = 0;
            for (int i = 0; i < axes.length; i++) {
                source += index[i] * strides[axes[i]];
            }
            out[o] = a.values()[source];
            for (int i = axes.length - 1; i >= 0; i--) {
                if (++index[i] < newShape[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
        return new KerasArray(a.name(), newShape, out);
    }
}
