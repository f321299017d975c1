package org.neuralcanvas.engine.keras;

import org.neuralcanvas.domain.layer.ParamKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.TimeDistribution;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.engine.compile.CompiledModel;

/**
 * Checks imported weights layer by layer against Keras's own arithmetic, written out here in plain
 * Java from the arrays as the file stores them: for each layer with weights, what our network feeds
 * it on a random batch goes through the Keras formula (Dense, Conv1D/2D, BatchNormalization in
 * inference, Embedding, SimpleRNN, LSTM, Bidirectional; the depthwise, separable and transposed convolutions and
 * PReLU in {@link KerasConvolutionFormulas}), and the result must equal what our layer
 * computed. This catches a wrong layout conversion, a wrong gate order and a DL4J layer that means
 * something else than Keras's, whichever file version the weights came from.
 */
final class KerasLayerCheck {

    /** What was checked and, where a layer differs, which one and by how much. */
    record Outcome(List<String> checked, List<String> notChecked, String failedLayer, double difference) {
        boolean passed() {
            return failedLayer == null;
        }
    }

    private static final int BATCH = 2;
    private static final double TOLERANCE = 1e-4;

    private KerasLayerCheck() {
    }

    /** @param stored the file's arrays by node id, for the nodes whose weights were loaded */
    static Outcome run(ComputationGraph ours, CompiledModel compiled, ModelGraph graph,
                       Map<String, List<KerasArray>> stored) {
        Map<String, INDArray> acts = ours.feedForward(inputs(compiled, graph), false);
        List<String> checked = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (LayerNode node : graph.nodes()) {
            List<KerasArray> arrays = stored.get(node.id());
            if (arrays == null || arrays.isEmpty()) {
                continue;
            }
            List<Edge> in = graph.incoming(node.id());
            INDArray x = in.size() == 1 ? acts.get(compiled.vertexOfNode().get(in.get(0).from())) : null;
            // The node's output: after its activation, which for a convolution is a vertex of its own.
            INDArray y = acts.get(compiled.vertexOfNode().get(node.id()));
            double[] expected = x == null ? null : reference(node, arrays, x);
            if (expected == null || y == null) {
                notChecked.add(node.name());
                continue;
            }
            double[] got = y.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double diff = got.length == expected.length ? maxDifference(expected, got) : Double.POSITIVE_INFINITY;
            if (!(diff <= TOLERANCE * Math.max(1, maxAbs(expected)))) {
                return new Outcome(checked, notChecked, node.name(), diff);
            }
            checked.add(node.name());
        }
        return new Outcome(checked, notChecked, null, 0);
    }

    /** A random batch for every input; an input that feeds an Embedding gets word indices within its vocabulary. */
    private static INDArray[] inputs(CompiledModel compiled, ModelGraph graph) {
        Random random = new Random(11);
        INDArray[] inputs = new INDArray[compiled.inputNames().size()];
        for (int i = 0; i < inputs.length; i++) {
            TensorShape shape = compiled.inputShapes().get(i);
            long[] dims = new long[shape.rank() + 1];
            dims[0] = BATCH;
            for (int d = 0; d < shape.rank(); d++) {
                dims[d + 1] = shape.dim(d);
            }
            int vocabulary = vocabularyFed(graph, compiled.inputNames().get(i));
            float[] values = new float[(int) Arrays.stream(dims).reduce(1, (a, b) -> a * b)];
            for (int v = 0; v < values.length; v++) {
                // Word indices from 1: 0 is padding where an Embedding has mask_zero, and the formulas here are of
                // the layers on real steps (random numbers never equal a Masking layer's mask_value either).
                values[v] = vocabulary > 0 ? 1 + random.nextInt(Math.max(1, vocabulary - 1)) : random.nextFloat() * 2 - 1;
            }
            inputs[i] = Nd4j.create(values, dims, 'c');
        }
        return inputs;
    }

    private static int vocabularyFed(ModelGraph graph, String inputName) {
        return graph.findByName(inputName).map(input -> graph.outgoing(input.id()).stream()
                .map(e -> graph.node(e.to()))
                .filter(n -> n.kind().kerasName().equals("Embedding"))
                .mapToInt(n -> n.params().get(ParamKeys.INPUT_DIM)).min().orElse(0)).orElse(0);
    }

    /** Keras's output of the layer for input x, row-major; null where there is no formula here for it. */
    private static double[] reference(LayerNode node, List<KerasArray> a, INDArray input) {
        double[] x = input.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        long[] s = input.shape();
        LayerParams p = node.params();
        if (TimeDistribution.isOn(p)) {
            // Every step is a sample of the layer: the same values, batch and steps read as one axis.
            long[] merged = new long[s.length - 1];
            merged[0] = s[0] * s[1];
            System.arraycopy(s, 2, merged, 1, s.length - 2);
            s = merged;
        }
        try {
            return switch (node.kind().kerasName()) {
                case "Dense" -> activate(dense(x, s, a), (int) a.get(0).dim(1), p.get(ParamKeys.ACTIVATION));
                case "Conv2D" -> activate(conv2d(x, s, a, p), p.get(ParamKeys.FILTERS), p.get(ParamKeys.ACTIVATION));
                case "Conv1D" -> activate(conv1d(x, s, a, p), p.get(ParamKeys.FILTERS), p.get(ParamKeys.ACTIVATION));
                case "BatchNormalization" -> batchNorm(x, s, a, p);
                case "Embedding" -> embedding(x, a);
                case "SimpleRNN", "LSTM" -> recurrent(node.kind().kerasName(), x, s, a, p, p.get(ParamKeys.ACTIVATION),
                        p.get(ParamKeys.RETURN_SEQUENCES), false);
                case "Bidirectional" -> bidirectional(x, s, a, p);
                case "DepthwiseConv2D" -> activate(KerasConvolutionFormulas.depthwise(x, s, a.get(0),
                        a.size() > 1 ? a.get(1).values() : null, p), (int) (s[3] * a.get(0).dim(3)),
                        p.get(ParamKeys.ACTIVATION));
                case "SeparableConv2D" -> activate(KerasConvolutionFormulas.separable(x, s, a, p), p.get(ParamKeys.FILTERS),
                        p.get(ParamKeys.ACTIVATION));
                case "Conv2DTranspose" -> activate(KerasConvolutionFormulas.transposed(x, s, a, p), p.get(ParamKeys.FILTERS),
                        p.get(ParamKeys.ACTIVATION));
                case "PReLU" -> KerasConvolutionFormulas.prelu(x, s, a.get(0));
                case "GRU" -> gru(x, s, a, p);
                case "LayerNormalization" -> layerNorm(x, s, a, p);
                default -> null;
            };
        } catch (UnknownActivation e) {
            return null;
        }
    }

    private static double[] dense(double[] x, long[] s, List<KerasArray> a) {
        KerasArray k = a.get(0);
        int in = (int) k.dim(0);
        int units = (int) k.dim(1);
        int rows = x.length / in;
        double[] y = new double[rows * units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                double sum = a.size() > 1 ? a.get(1).values()[u] : 0;
                for (int i = 0; i < in; i++) {
                    sum += x[r * in + i] * k.values()[i * units + u];
                }
                y[r * units + u] = sum;
            }
        }
        return y;
    }

    /** Before its activation. */
    private static double[] conv2d(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        KerasArray k = a.get(0);
        int n = (int) s[0], h = (int) s[1], w = (int) s[2], c = (int) s[3];
        int kh = (int) k.dim(0), kw = (int) k.dim(1), f = (int) k.dim(3);
        int sh = p.getTuple("strides").get(0), sw = p.getTuple("strides").get(1);
        List<Integer> dilation = p.has(ParamKeys.DILATION_RATE.name()) ? p.getTuple("dilation_rate") : List.of(1, 1);
        int dh = dilation.get(0), dw = dilation.get(1);
        // The span of a dilated kernel; causal (Conv1D, here the width) pads the start by the whole span less one.
        int spanH = (kh - 1) * dh + 1, spanW = (kw - 1) * dw + 1;
        String padding = p.getString("padding");
        boolean same = "same".equals(padding);
        boolean causal = "causal".equals(padding);
        int oh = same ? ceilDiv(h, sh) : (h - spanH) / sh + 1;
        int ow = same || causal ? ceilDiv(w, sw) : (w - spanW) / sw + 1;
        int top = same ? Math.max((oh - 1) * sh + spanH - h, 0) / 2 : 0;
        int left = same ? Math.max((ow - 1) * sw + spanW - w, 0) / 2 : causal ? spanW - 1 : 0;
        double[] y = new double[n * oh * ow * f];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int o = 0; o < f; o++) {
                        double sum = a.size() > 1 ? a.get(1).values()[o] : 0;
                        for (int di = 0; di < kh; di++) {
                            int r = i * sh + di * dh - top;
                            if (r < 0 || r >= h) {
                                continue;
                            }
                            for (int dj = 0; dj < kw; dj++) {
                                int col = j * sw + dj * dw - left;
                                if (col < 0 || col >= w) {
                                    continue;
                                }
                                int xBase = ((b * h + r) * w + col) * c;
                                int kBase = (di * kw + dj) * c * f + o;
                                for (int ch = 0; ch < c; ch++) {
                                    sum += x[xBase + ch] * k.values()[kBase + ch * f];
                                }
                            }
                        }
                        y[((b * oh + i) * ow + j) * f + o] = sum;
                    }
                }
            }
        }
        return y;
    }

    private static double[] conv1d(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        KerasArray k = a.get(0);
        // A sequence [n, steps, channels] is an image of height 1: reuse the 2-D formula with a [1, k] kernel.
        KerasArray k2 = new KerasArray(k.name(), new long[] {1, k.dim(0), k.dim(1), k.dim(2)}, k.values());
        List<KerasArray> a2 = new ArrayList<>(a);
        a2.set(0, k2);
        LayerParams p2 = p.with("strides", List.of(1, p.getTuple("strides").get(0)));
        if (p.has(ParamKeys.DILATION_RATE.name())) {
            p2 = p2.with("dilation_rate", List.of(1, p.getTuple("dilation_rate").get(0)));
        }
        return conv2d(x, new long[] {s[0], 1, s[1], s[2]}, a2, p2);
    }

    private static double[] batchNorm(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        int channels = (int) s[s.length - 1];
        int i = 0;
        float[] gamma = p.getBool("scale") ? a.get(i++).values() : null;
        float[] beta = p.get(ParamKeys.CENTER) ? a.get(i++).values() : null;
        float[] mean = a.get(i++).values();
        float[] var = a.get(i).values();
        double eps = p.get(ParamKeys.EPSILON);
        double[] y = new double[x.length];
        for (int v = 0; v < x.length; v++) {
            int ch = v % channels;
            double norm = (x[v] - mean[ch]) / Math.sqrt(var[ch] + eps);
            y[v] = norm * (gamma == null ? 1 : gamma[ch]) + (beta == null ? 0 : beta[ch]);
        }
        return y;
    }

    private static double[] embedding(double[] x, List<KerasArray> a) {
        KerasArray table = a.get(0);
        int dim = (int) table.dim(1);
        double[] y = new double[x.length * dim];
        for (int t = 0; t < x.length; t++) {
            int row = (int) x[t];
            for (int d = 0; d < dim; d++) {
                y[t * dim + d] = table.values()[row * dim + d];
            }
        }
        return y;
    }

    /**
     * SimpleRNN or LSTM over x [n, steps, features] (Keras 2/3 arrays: kernel, recurrent kernel, bias;
     * LSTM gates input, forget, cell, output). {@code backwards}: Keras's go_backwards.
     */
    /** Keras's LayerNormalization over the last axis: (x − mean) / sqrt(var + epsilon) · gamma + beta. */
    private static double[] layerNorm(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        int f = (int) s[s.length - 1];
        int i = 0;
        float[] gamma = p.getBool("scale") ? a.get(i++).values() : null;
        float[] beta = p.get(ParamKeys.CENTER) ? a.get(i).values() : null;
        double eps = p.get(ParamKeys.EPSILON);
        double[] y = new double[x.length];
        for (int row = 0; row < x.length / f; row++) {
            double mean = 0;
            for (int j = 0; j < f; j++) {
                mean += x[row * f + j];
            }
            mean /= f;
            double var = 0;
            for (int j = 0; j < f; j++) {
                var += (x[row * f + j] - mean) * (x[row * f + j] - mean);
            }
            double inv = 1 / Math.sqrt(var / f + eps);
            for (int j = 0; j < f; j++) {
                double v = (x[row * f + j] - mean) * inv;
                y[row * f + j] = v * (gamma == null ? 1 : gamma[j]) + (beta == null ? 0 : beta[j]);
            }
        }
        return y;
    }

    /**
     * Keras's GRU: z, r, ĥ blocks; with reset_after=True the reset gate scales the recurrent product plus its bias,
     * with False (Keras 2.2) it scales h before the product.
     */
    private static double[] gru(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        int n = (int) s[0], steps = (int) s[1], in = (int) s[2];
        int width = (int) a.get(0).dim(1);
        int units = width / 3;
        float[] k = a.get(0).values();
        float[] r = a.get(1).values();
        float[] bias = a.get(2).values(); // [2, 3u]: input bias, then recurrent bias; (3u) with reset_after=False
        boolean after = !p.has(ParamKeys.RESET_AFTER.name()) || p.get(ParamKeys.RESET_AFTER);
        String activation = p.get(ParamKeys.ACTIVATION);
        String gate = p.has(ParamKeys.RECURRENT_ACTIVATION.name()) ? p.get(ParamKeys.RECURRENT_ACTIVATION) : "sigmoid";
        boolean sequences = p.get(ParamKeys.RETURN_SEQUENCES);
        double[] y = new double[sequences ? n * steps * units : n * units];
        for (int b = 0; b < n; b++) {
            double[] h = new double[units];
            for (int t = 0; t < steps; t++) {
                double[] mx = new double[width];
                double[] mh = new double[width];
                for (int g = 0; g < width; g++) {
                    double sx = bias[g];
                    for (int i = 0; i < in; i++) {
                        sx += x[(b * steps + t) * in + i] * k[i * width + g];
                    }
                    double sh = after ? bias[width + g] : 0;
                    for (int u = 0; u < units; u++) {
                        sh += h[u] * r[u * width + g];
                    }
                    mx[g] = sx;
                    mh[g] = sh;
                }
                double[] next = new double[units];
                double[] rh = new double[units]; // reset_after=False: the candidate reads (r ⊙ h)·Uh
                for (int u = 0; u < units; u++) {
                    rh[u] = apply(gate, mx[units + u] + mh[units + u]) * h[u];
                }
                for (int u = 0; u < units; u++) {
                    double z = apply(gate, mx[u] + mh[u]);
                    double rg = apply(gate, mx[units + u] + mh[units + u]);
                    double candidate = rg * mh[2 * units + u];
                    if (!after) {
                        candidate = 0;
                        for (int v = 0; v < units; v++) {
                            candidate += rh[v] * r[v * width + 2 * units + u];
                        }
                    }
                    double hh = apply(activation, mx[2 * units + u] + candidate);
                    next[u] = z * h[u] + (1 - z) * hh;
                }
                h = next;
                if (sequences) {
                    System.arraycopy(h, 0, y, (b * steps + t) * units, units);
                }
            }
            if (!sequences) {
                System.arraycopy(h, 0, y, b * units, units);
            }
        }
        return y;
    }

    private static double[] recurrent(String kind, double[] x, long[] s, List<KerasArray> a, LayerParams p,
                                      String activation, boolean sequences, boolean backwards) {
        int n = (int) s[0], steps = (int) s[1], in = (int) s[2];
        KerasArray kernel = a.get(0);
        int width = (int) kernel.dim(1);
        boolean lstm = kind.equals("LSTM");
        int units = lstm ? width / 4 : width;
        String gate = p.has(ParamKeys.RECURRENT_ACTIVATION.name()) ? p.get(ParamKeys.RECURRENT_ACTIVATION) : "sigmoid";
        float[] k = kernel.values();
        float[] r = a.get(1).values();
        float[] bias = a.size() > 2 ? a.get(2).values() : new float[width];
        double[] y = new double[sequences ? n * steps * units : n * units];
        for (int b = 0; b < n; b++) {
            double[] h = new double[units];
            double[] c = new double[units];
            for (int step = 0; step < steps; step++) {
                int t = backwards ? steps - 1 - step : step;
                double[] z = new double[width];
                for (int g = 0; g < width; g++) {
                    double sum = bias[g];
                    for (int i = 0; i < in; i++) {
                        sum += x[(b * steps + t) * in + i] * k[i * width + g];
                    }
                    for (int u = 0; u < units; u++) {
                        sum += h[u] * r[u * width + g];
                    }
                    z[g] = sum;
                }
                if (lstm) {
                    for (int u = 0; u < units; u++) {
                        double ig = apply(gate, z[u]);
                        double fg = apply(gate, z[units + u]);
                        double cand = apply(activation, z[2 * units + u]);
                        double og = apply(gate, z[3 * units + u]);
                        c[u] = fg * c[u] + ig * cand;
                        h[u] = og * apply(activation, c[u]);
                    }
                } else {
                    for (int u = 0; u < units; u++) {
                        h[u] = apply(activation, z[u]);
                    }
                }
                if (sequences) {
                    // Keras returns a go_backwards layer's outputs in processing order; Bidirectional reverses them back.
                    System.arraycopy(h, 0, y, (b * steps + step) * units, units);
                }
            }
            if (!sequences) {
                System.arraycopy(h, 0, y, b * units, units);
            }
        }
        return y;
    }

    /** x [n, steps, features] with each sample's steps in reverse order. */
    private static double[] reversedSteps(double[] x, long[] s) {
        int n = (int) s[0], steps = (int) s[1], f = (int) s[2];
        double[] r = new double[x.length];
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < steps; t++) {
                System.arraycopy(x, (b * steps + t) * f, r, (b * steps + steps - 1 - t) * f, f);
            }
        }
        return r;
    }

    private static double[] bidirectional(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        String kind = p.get(ParamKeys.LAYER);
        boolean sequences = p.get(ParamKeys.RETURN_SEQUENCES);
        int half = a.size() / 2;
        String activation = p.has(ParamKeys.ACTIVATION.name()) ? p.get(ParamKeys.ACTIVATION) : "tanh";
        double[] fwd;
        double[] bwd;
        if (kind.equals("GRU")) {
            // The backward GRU reads the steps reversed; its outputs come in that order, like recurrent()'s.
            fwd = gru(x, s, a.subList(0, half), p);
            bwd = gru(reversedSteps(x, s), s, a.subList(half, a.size()), p);
        } else {
            fwd = recurrent(kind, x, s, a.subList(0, half), p, activation, sequences, false);
            bwd = recurrent(kind, x, s, a.subList(half, a.size()), p, activation, sequences, true);
        }
        int n = (int) s[0], steps = sequences ? (int) s[1] : 1;
        int units = fwd.length / (n * steps);
        if (sequences) {
            double[] reversed = new double[bwd.length];
            for (int b = 0; b < n; b++) {
                for (int t = 0; t < steps; t++) {
                    System.arraycopy(bwd, (b * steps + (steps - 1 - t)) * units, reversed, (b * steps + t) * units, units);
                }
            }
            bwd = reversed;
        }
        String mode = p.get(ParamKeys.MERGE_MODE);
        if (!mode.equals("concat")) {
            double[] y = new double[fwd.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = switch (mode) {
                    case "sum" -> fwd[i] + bwd[i];
                    case "mul" -> fwd[i] * bwd[i];
                    default -> (fwd[i] + bwd[i]) / 2;
                };
            }
            return y;
        }
        double[] y = new double[fwd.length * 2];
        for (int row = 0; row < n * steps; row++) {
            System.arraycopy(fwd, row * units, y, row * 2 * units, units);
            System.arraycopy(bwd, row * units, y, row * 2 * units + units, units);
        }
        return y;
    }

    /** An activation this check has no formula for: the layer is reported as not checked. */
    private static final class UnknownActivation extends RuntimeException {
        UnknownActivation() {
            super(null, null, false, false);
        }
    }

    private static double apply(String activation, double v) {
        return switch (activation) {
            case "linear" -> v;
            case "relu" -> Math.max(0, v);
            case "sigmoid" -> 1 / (1 + Math.exp(-v));
            case "tanh" -> Math.tanh(v);
            case "elu" -> v > 0 ? v : Math.exp(v) - 1;
            case "softplus" -> Math.log1p(Math.exp(v));
            case "softsign" -> v / (1 + Math.abs(v));
            default -> throw new UnknownActivation();
        };
    }

    private static double[] activate(double[] z, int width, String activation) {
        if ("softmax".equals(activation)) {
            for (int row = 0; row < z.length / width; row++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < width; i++) {
                    max = Math.max(max, z[row * width + i]);
                }
                double sum = 0;
                for (int i = 0; i < width; i++) {
                    z[row * width + i] = Math.exp(z[row * width + i] - max);
                    sum += z[row * width + i];
                }
                for (int i = 0; i < width; i++) {
                    z[row * width + i] /= sum;
                }
            }
            return z;
        }
        for (int i = 0; i < z.length; i++) {
            z[i] = apply(activation, z[i]);
        }
        return z;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return Double.isNaN(max) ? Double.POSITIVE_INFINITY : max;
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
