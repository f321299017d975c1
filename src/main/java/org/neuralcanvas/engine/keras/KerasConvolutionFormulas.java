package org.neuralcanvas.engine.keras;

import java.util.List;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamKeys;

/**
 * Keras's arithmetic, in plain Java on channels-last arrays, for the layers {@link KerasLayerCheck} checks beyond
 * Dense and Conv2D: DepthwiseConv2D (output channel {@code c * multiplier + m}, as TensorFlow orders them),
 * SeparableConv2D (that, then a 1×1 convolution), Conv2DTranspose (each input value spreads the kernel over the
 * output at {@code i * stride}; {@code same} crops {@code max(kernel - stride, 0)} with the smaller half on top,
 * as TensorFlow's gradient of a same convolution) and PReLU. Results are before the layer's activation.
 */
final class KerasConvolutionFormulas {

    private KerasConvolutionFormulas() {
    }

    /** x [n, h, w, c], kernel [kh, kw, c, m], bias [c * m] when {@code withBias}. */
    static double[] depthwise(double[] x, long[] s, KerasArray k, float[] bias, LayerParams p) {
        int n = (int) s[0], h = (int) s[1], w = (int) s[2], c = (int) s[3];
        int kh = (int) k.dim(0), kw = (int) k.dim(1), m = (int) k.dim(3);
        List<Integer> strides = p.get(ParamKeys.STRIDES);
        int sh = strides.get(0), sw = strides.get(1);
        boolean same = "same".equals(p.get(ParamKeys.PADDING));
        int oh = same ? (h + sh - 1) / sh : (h - kh) / sh + 1;
        int ow = same ? (w + sw - 1) / sw : (w - kw) / sw + 1;
        int top = same ? Math.max((oh - 1) * sh + kh - h, 0) / 2 : 0;
        int left = same ? Math.max((ow - 1) * sw + kw - w, 0) / 2 : 0;
        double[] y = new double[n * oh * ow * c * m];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int ch = 0; ch < c; ch++) {
                        for (int mm = 0; mm < m; mm++) {
                            double sum = bias == null ? 0 : bias[ch * m + mm];
                            for (int di = 0; di < kh; di++) {
                                int r = i * sh + di - top;
                                for (int dj = 0; dj < kw && r >= 0 && r < h; dj++) {
                                    int col = j * sw + dj - left;
                                    if (col >= 0 && col < w) {
                                        sum += x[((b * h + r) * w + col) * c + ch]
                                                * k.values()[((di * kw + dj) * c + ch) * m + mm];
                                    }
                                }
                            }
                            y[(((b * oh + i) * ow + j) * c + ch) * m + mm] = sum;
                        }
                    }
                }
            }
        }
        return y;
    }

    /** Depthwise (no bias), then the pointwise kernel [1, 1, c * m, f] with the bias [f]. */
    static double[] separable(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        double[] d = depthwise(x, s, a.get(0), null, p);
        KerasArray pw = a.get(1);
        int cm = (int) pw.dim(2), f = (int) pw.dim(3);
        int pixels = d.length / cm;
        double[] y = new double[pixels * f];
        for (int px = 0; px < pixels; px++) {
            for (int o = 0; o < f; o++) {
                double sum = a.size() > 2 ? a.get(2).values()[o] : 0;
                for (int i = 0; i < cm; i++) {
                    sum += d[px * cm + i] * pw.values()[i * f + o];
                }
                y[px * f + o] = sum;
            }
        }
        return y;
    }

    /** x [n, h, w, c], kernel [kh, kw, f, c], bias [f]. */
    static double[] transposed(double[] x, long[] s, List<KerasArray> a, LayerParams p) {
        KerasArray k = a.get(0);
        int n = (int) s[0], h = (int) s[1], w = (int) s[2], c = (int) s[3];
        int kh = (int) k.dim(0), kw = (int) k.dim(1), f = (int) k.dim(2);
        List<Integer> strides = p.get(ParamKeys.STRIDES);
        int sh = strides.get(0), sw = strides.get(1);
        boolean same = "same".equals(p.get(ParamKeys.PADDING));
        int oh = same ? h * sh : (h - 1) * sh + kh;
        int ow = same ? w * sw : (w - 1) * sw + kw;
        int top = same ? Math.max(kh - sh, 0) / 2 : 0;
        int left = same ? Math.max(kw - sw, 0) / 2 : 0;
        double[] y = new double[n * oh * ow * f];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    for (int di = 0; di < kh; di++) {
                        int r = i * sh + di - top;
                        for (int dj = 0; dj < kw && r >= 0 && r < oh; dj++) {
                            int col = j * sw + dj - left;
                            if (col < 0 || col >= ow) {
                                continue;
                            }
                            for (int o = 0; o < f; o++) {
                                double sum = 0;
                                for (int ch = 0; ch < c; ch++) {
                                    sum += x[((b * h + i) * w + j) * c + ch] * k.values()[((di * kw + dj) * f + o) * c + ch];
                                }
                                y[((b * oh + r) * ow + col) * f + o] += sum;
                            }
                        }
                    }
                }
            }
        }
        if (a.size() > 1) {
            for (int v = 0; v < y.length; v++) {
                y[v] += a.get(1).values()[v % f];
            }
        }
        return y;
    }

    /** alpha has the input's shape without the batch, with 1 along the shared axes. */
    static double[] prelu(double[] x, long[] s, KerasArray alpha) {
        long[] dims = java.util.Arrays.copyOfRange(s, 1, s.length);
        double[] y = new double[x.length];
        int perSample = x.length / (int) s[0];
        for (int v = 0; v < x.length; v++) {
            int within = v % perSample;
            // Index of the alpha that applies: each axis's coordinate, or 0 along a shared (size 1) axis.
            int index = 0;
            int rest = within;
            int stride = perSample;
            for (int axis = 0; axis < dims.length; axis++) {
                stride /= (int) dims[axis];
                int coordinate = rest / stride;
                rest %= stride;
                index = index * (int) alpha.dim(axis) + (alpha.dim(axis) == 1 ? 0 : coordinate);
            }
            y[v] = x[v] > 0 ? x[v] : alpha.values()[index] * x[v];
        }
        return y;
    }
}
