package org.neuralcanvas.engine.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.engine.compile.FusedLstm;
import org.neuralcanvas.engine.compile.KerasMultiHeadAttention;

/**
 * How each layer kind's Keras arrays become the parameters of the DL4J layer our compiler builds
 * for it: one entry per kind with weights. Every array's shape is checked in plain Java against
 * what the compiled layer needs before any of it reaches ND4J, so a file whose numbers do not fit
 * is refused with a sentence naming the layer and the array instead of reaching native code.
 *
 * <p>The layouts that differ: Conv kernels ({@code [h, w, in, out]} in Keras, {@code [out, in, h, w]}
 * in DL4J), the LSTM gate order of DL4J's own LSTM (Keras: input, forget, cell, output; DL4J: cell,
 * forget, output, input — our fused LSTM keeps Keras's), BatchNormalization's variance where DL4J
 * keeps log10 of the standard deviation, Keras 1's twelve separate LSTM arrays, and a Bidirectional's
 * two halves.
 */
final class KerasWeightLayouts {

    /** The file's arrays do not fit the layer; the message is the end of a sentence naming it. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    /** One layer's conversion. */
    @FunctionalInterface
    private interface Layout {
        Map<String, INDArray> convert(LayerNode node, List<KerasArray> arrays, Map<String, long[]> target,
                                      Layer conf) throws Mismatch;
    }

    private static final Map<String, Layout> BY_KIND = Map.ofEntries(
            Map.entry("Dense", KerasWeightLayouts::dense),
            Map.entry("Conv2D", (node, arrays, target, conf) -> conv2d(arrays, target, 0)),
            // DL4J's deconvolution kernel is [in, out, h, w], Keras's [h, w, out, in]: the same turn as Conv2D's, with
            // the filters (and the bias) on DL4J's second axis.
            Map.entry("Conv2DTranspose", (node, arrays, target, conf) -> conv2d(arrays, target, 1)),
            Map.entry("DepthwiseConv2D", KerasWeightLayouts::depthwise),
            Map.entry("SeparableConv2D", KerasWeightLayouts::separable),
            Map.entry("PReLU", KerasWeightLayouts::prelu),
            Map.entry("GRU", KerasWeightLayouts::gru),
            Map.entry("LayerNormalization", KerasWeightLayouts::layerNormalization),
            Map.entry("MultiHeadAttention", KerasWeightLayouts::attention),
            Map.entry("Conv1D", KerasWeightLayouts::conv1d),
            Map.entry("Embedding", KerasWeightLayouts::embedding),
            Map.entry("BatchNormalization", KerasWeightLayouts::batchNormalization),
            Map.entry("SimpleRNN", (node, arrays, target, conf) -> recurrent(node, arrays, target, "", false)),
            Map.entry("LSTM", (node, arrays, target, conf) -> recurrent(node, lstmArrays(arrays), target, "",
                    !(unwrap(conf) instanceof FusedLstm))),
            Map.entry("Bidirectional", KerasWeightLayouts::bidirectional));

    private KerasWeightLayouts() {
    }

    /** Whether the kind has a layout here (a kind with weights but none would never get its file's weights). */
    static boolean covers(String kind) {
        return BY_KIND.containsKey(kind);
    }

    /**
     * @param target the compiled layer's parameter shapes by name
     * @return the parameters to assign, with exactly the target's names and shapes
     */
    static Map<String, INDArray> convert(LayerNode node, List<KerasArray> arrays, Map<String, long[]> target,
                                         Layer conf) throws Mismatch {
        Layout layout = BY_KIND.get(node.kind().kerasName());
        if (layout == null) {
            throw new Mismatch("NeuralCanvas does not know how " + node.kind().kerasName() + " stores its weights");
        }
        return layout.convert(node, arrays, target, conf);
    }

    private static Map<String, INDArray> dense(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                               Layer conf) throws Mismatch {
        long[] w = need(target, "W");
        count(a, target.containsKey("b") ? 2 : 1);
        return withBias(array(expect(a.get(0), "kernel", w[0], w[1])), a, target, w[1]);
    }

    /** Keras [h, w, a, b] → DL4J [b, a, h, w]; the bias has one value per DL4J axis {@code filtersAxis}. */
    private static Map<String, INDArray> conv2d(List<KerasArray> a, Map<String, long[]> target, int filtersAxis)
            throws Mismatch {
        long[] w = need(target, "W");
        count(a, target.containsKey("b") ? 2 : 1);
        return withBias(array(expect(a.get(0), "kernel", w[2], w[3], w[1], w[0])).permute(3, 2, 0, 1).dup('c'), a,
                target, w[filtersAxis]);
    }

    /** Keras's depthwise kernel [h, w, in, multiplier] is DL4J's as it is; a bias per output channel. */
    private static Map<String, INDArray> depthwise(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                                   Layer conf) throws Mismatch {
        long[] w = need(target, "W");
        count(a, target.containsKey("b") ? 2 : 1);
        return withBias(array(expect(a.get(0), "depthwise_kernel", w[0], w[1], w[2], w[3])), a, target,
                w[2] * w[3]);
    }

    /**
     * Keras's depthwise kernel [h, w, in, multiplier] → DL4J's W [multiplier, in, h, w]; the pointwise kernel
     * [1, 1, in × multiplier, filters] → pW [filters, in × multiplier, 1, 1].
     */
    private static Map<String, INDArray> separable(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                                   Layer conf) throws Mismatch {
        long[] w = need(target, "W");
        long[] pw = need(target, "pW");
        count(a, target.containsKey("b") ? 3 : 2);
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put("W", array(expect(a.get(0), "depthwise_kernel", w[2], w[3], w[1], w[0])).permute(3, 2, 0, 1).dup('c'));
        out.put("pW", array(expect(a.get(1), "pointwise_kernel", 1, 1, pw[1], pw[0])).permute(3, 2, 0, 1).dup('c'));
        if (target.containsKey("b")) {
            out.put("b", array(expect(a.get(2), "bias", pw[0])).reshape(target.get("b")));
        }
        return out;
    }

    /** MultiHeadAttention's projections in Keras 2's order of arrays, and the sub-layer names Keras 2 and 3 give them. */
    private static final String[] PROJECTIONS = {"query", "key", "value", "output"};
    private static final Map<String, String> PROJECTION_OF_SUBLAYER = Map.of("query", "query", "_query_dense", "query",
            "key", "key", "_key_dense", "key", "value", "value", "_value_dense", "value",
            "attention_output", "output", "_output_dense", "output");

    /**
     * MultiHeadAttention keeps Keras's einsum kernels flattened: (features, heads, dim) as [features, heads·dim],
     * the output's (heads, value_dim, features) as [heads·value_dim, features]. Arrays are told apart by their
     * sub-layer's name (Keras 2 {@code …/query/kernel:0}, Keras 3 {@code …/_query_dense/vars/0}, which Keras 3 files
     * list alphabetically), else taken in Keras 2's order: query, key, value, output, kernel before bias.
     */
    private static Map<String, INDArray> attention(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                                   Layer conf) throws Mismatch {
        boolean bias = target.containsKey(KerasMultiHeadAttention.bias("query"));
        int per = bias ? 2 : 1;
        count(a, 4 * per);
        long heads = node.params().get(ParamKeys.NUM_HEADS);
        Map<String, List<KerasArray>> byProjection = new LinkedHashMap<>();
        for (int i = 0; i < a.size(); i++) {
            String projection = projectionOf(a.get(i).name());
            byProjection.computeIfAbsent(projection != null ? projection : PROJECTIONS[i / per],
                    k -> new ArrayList<>()).add(a.get(i));
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String projection : PROJECTIONS) {
            List<KerasArray> arrays = byProjection.getOrDefault(projection, List.of());
            if (arrays.size() != per) {
                throw new Mismatch("the file stores " + arrays.size() + " arrays for its " + projection
                        + " projection where " + per + (per == 1 ? " is" : " are") + " needed");
            }
            long[] w = need(target, KerasMultiHeadAttention.kernel(projection));
            long[] keras = projection.equals("output") ? new long[] {heads, w[0] / heads, w[1]}
                    : new long[] {w[0], heads, w[1] / heads};
            out.put(KerasMultiHeadAttention.kernel(projection),
                    array(expect(arrays.get(0), projection + " kernel", keras)).reshape('c', w));
            if (bias) {
                long[] b = need(target, KerasMultiHeadAttention.bias(projection));
                long[] kerasBias = projection.equals("output") ? new long[] {b[1]} : new long[] {heads, b[1] / heads};
                out.put(KerasMultiHeadAttention.bias(projection),
                        array(expect(arrays.get(1), projection + " bias", kerasBias)).reshape('c', b));
            }
        }
        return out;
    }

    private static String projectionOf(String arrayPath) {
        for (String part : arrayPath.split("/")) {
            String projection = PROJECTION_OF_SUBLAYER.get(part);
            if (projection != null) {
                return projection;
            }
        }
        return null;
    }

    /**
     * Our GRU keeps Keras's arrays as they are: kernel [in, 3u], recurrent kernel [u, 3u], bias [2, 3u] (Keras 2.2's
     * reset_after=False: one bias (3u), kept as [1, 3u]).
     */
    private static Map<String, INDArray> gru(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                             Layer conf) throws Mismatch {
        long[] w = need(target, "W");
        long[] rw = need(target, "RW");
        long[] b = need(target, "b");
        count(a, 3);
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put("W", array(expect(a.get(0), "kernel", w)));
        out.put("RW", array(expect(a.get(1), "recurrent_kernel", rw)));
        out.put("b", b[0] == 1 ? array(expect(a.get(2), "bias", b[1])).reshape(b)
                : array(expect(a.get(2), "bias", b)));
        return out;
    }

    /** Keras keeps gamma (if scale), then beta (if center), one per feature; ours are rows of one. */
    private static Map<String, INDArray> layerNormalization(LayerNode node, List<KerasArray> a,
                                                            Map<String, long[]> target, Layer conf) throws Mismatch {
        List<String> names = new ArrayList<>();
        if (target.containsKey("gamma")) {
            names.add("gamma");
        }
        if (target.containsKey("beta")) {
            names.add("beta");
        }
        count(a, names.size());
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            long[] shape = target.get(names.get(i));
            out.put(names.get(i), array(expect(a.get(i), names.get(i), product(shape))).reshape(shape));
        }
        return out;
    }

    /** PReLU's alpha: the same shape in both (the input's, 1 along shared axes). */
    private static Map<String, INDArray> prelu(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                               Layer conf) throws Mismatch {
        long[] w = need(target, "W");
        count(a, 1);
        return Map.of("W", array(expect(a.get(0), "alpha", w)));
    }

    /**
     * Keras [k, in, out] → DL4J's W, whose shape is [out, in, k, 1] but whose values DL4J 1.0.0-M2.1's Conv1D reads
     * as [k, in, out] (it reshapes the array without turning it round, as the layer check showed): the values go in
     * Keras's order, only the shape is DL4J's.
     */
    private static Map<String, INDArray> conv1d(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                                Layer conf) throws Mismatch {
        long[] w = need(target, "W");
        long kernel = node.params().getTuple("kernel_size").get(0);
        if (product(w) != w[0] * w[1] * kernel) {
            throw new Mismatch("its compiled kernel " + Arrays.toString(w) + " is not " + kernel + " wide");
        }
        count(a, target.containsKey("b") ? 2 : 1);
        return withBias(array(expect(a.get(0), "kernel", kernel, w[1], w[0])).reshape(w), a, target, w[0]);
    }

    /** A kernel already in DL4J's layout, and the bias of {@code units} values where the compiled layer has one. */
    private static Map<String, INDArray> withBias(INDArray kernel, List<KerasArray> a, Map<String, long[]> target,
                                                  long units) throws Mismatch {
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put("W", kernel);
        if (target.containsKey("b")) {
            out.put("b", array(expect(a.get(1), "bias", units)).reshape(target.get("b")));
        }
        return out;
    }

    private static Map<String, INDArray> embedding(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                                   Layer conf) throws Mismatch {
        long[] w = need(target, "W");
        count(a, 1);
        return Map.of("W", array(expect(a.get(0), "embeddings", w[0], w[1])));
    }

    /** Keras keeps gamma (if scale), beta (if center), moving mean, moving variance (Keras 1 calls it running_std). */
    private static Map<String, INDArray> batchNormalization(LayerNode node, List<KerasArray> a,
                                                            Map<String, long[]> target, Layer conf) throws Mismatch {
        long[] mean = need(target, "mean");
        long channels = product(mean);
        List<String> names = new ArrayList<>();
        if (node.params().getBool("scale")) {
            names.add("gamma");
        }
        if (node.params().get(ParamKeys.CENTER)) {
            names.add("beta");
        }
        names.add("mean");
        names.add("var");
        count(a, names.size());
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            INDArray values = array(expect(a.get(i), name.equals("var") ? "moving_variance" : name, channels));
            if (name.equals("var") && !target.containsKey("var") && target.containsKey("log10stdev")) {
                // DL4J may keep log10 of the standard deviation, s = sqrt(var); it adds epsilon itself when it
                // normalises (the layer check shows that adding it here too would count it twice).
                values = Transforms.log(
                        Transforms.sqrt(values.castTo(DataType.DOUBLE)), 10.0)
                        .castTo(DataType.FLOAT);
                name = "log10stdev";
            }
            if (target.containsKey(name)) {
                out.put(name, values.reshape(target.get(name)));
            } else if (!name.equals("gamma") && !name.equals("beta")) {
                throw new Mismatch("its compiled layer has no " + name);
            }
        }
        return out;
    }

    /**
     * SimpleRNN and LSTM: kernel [in, g·units], recurrent kernel [units, g·units], bias [g·units]
     * (none where use_bias=False: zeros). {@code prefix} is a Bidirectional half's "f" or "b".
     */
    private static Map<String, INDArray> recurrent(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                                   String prefix, boolean dl4jGateOrder) throws Mismatch {
        long[] w = need(target, prefix + "W");
        long[] rw = need(target, prefix + "RW");
        long units = rw[0];
        if (a.size() != 2 && a.size() != 3) {
            throw new Mismatch("the file stores " + a.size() + " arrays for it where a recurrent layer has 3");
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        INDArray kernel = array(expect(a.get(0), "kernel", w[0], w[1]));
        INDArray recurrent = array(expect(a.get(1), "recurrent_kernel", units, rw[1]));
        INDArray bias = a.size() == 3 ? array(expect(a.get(2), "bias", w[1])) : Nd4j.zeros(DataType.FLOAT, w[1]);
        if (dl4jGateOrder) {
            kernel = FusedLstm.toDl4jGateOrder(kernel, units);
            recurrent = FusedLstm.toDl4jGateOrder(recurrent, units);
            bias = FusedLstm.toDl4jGateOrder(bias, units);
        }
        out.put(prefix + "W", kernel);
        out.put(prefix + "RW", recurrent);
        out.put(prefix + "b", bias.reshape(need(target, prefix + "b")));
        return out;
    }

    /** The forward layer's arrays, then the backward layer's; DL4J's halves are "f…" and "b…", each a DL4J cell. */
    private static Map<String, INDArray> bidirectional(LayerNode node, List<KerasArray> a, Map<String, long[]> target,
                                                       Layer conf) throws Mismatch {
        if (a.size() % 2 != 0 || a.isEmpty()) {
            throw new Mismatch("the file stores " + a.size() + " arrays for it, not two equal halves");
        }
        int half = a.size() / 2;
        boolean lstm = "LSTM".equals(node.params().get(ParamKeys.LAYER));
        Map<String, INDArray> out = new LinkedHashMap<>();
        if ("GRU".equals(node.params().get(ParamKeys.LAYER))) {
            // Our GRU halves keep Keras's arrays; the f… and b… names are NodeParams's.
            for (String half2 : List.of("f", "b")) {
                Map<String, long[]> own = new LinkedHashMap<>();
                target.forEach((k, v) -> {
                    if (k.startsWith(half2)) {
                        own.put(k.substring(1), v);
                    }
                });
                List<KerasArray> arrays = half2.equals("f") ? a.subList(0, half) : a.subList(half, a.size());
                gru(node, arrays, own, conf).forEach((k, v) -> out.put(half2 + k, v));
            }
            return out;
        }
        out.putAll(recurrent(node, lstm ? lstmArrays(a.subList(0, half)) : a.subList(0, half), target, "f", lstm));
        out.putAll(recurrent(node, lstm ? lstmArrays(a.subList(half, a.size())) : a.subList(half, a.size()), target,
                "b", lstm));
        return out;
    }

    /**
     * The arrays in the form Keras 2 and 3 store them (what {@link KerasLayerCheck}'s formulas read): Keras 1's
     * twelve-array LSTMs joined, everything else as it is.
     */
    static List<KerasArray> keras2Form(LayerNode node, List<KerasArray> arrays) throws Mismatch {
        String kind = node.kind().kerasName();
        if (kind.equals("LSTM")) {
            return lstmArrays(arrays);
        }
        if (kind.equals("Bidirectional") && "LSTM".equals(node.params().get(ParamKeys.LAYER)) && arrays.size() == 24) {
            List<KerasArray> joined = new ArrayList<>(lstmArrays(arrays.subList(0, 12)));
            joined.addAll(lstmArrays(arrays.subList(12, 24)));
            return joined;
        }
        return arrays;
    }

    /**
     * Keras 1 stores an LSTM as twelve arrays, W/U/b per gate in the order input, cell, forget, output;
     * Keras 2 and 3 as one kernel, recurrent kernel and bias with gates input, forget, cell, output.
     */
    private static List<KerasArray> lstmArrays(List<KerasArray> a) throws Mismatch {
        if (a.size() != 12) {
            return a;
        }
        int[] gateOrder = {0, 2, 1, 3}; // Keras 2's i, f, c, o read from Keras 1's i, c, f, o
        List<KerasArray> joined = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            List<KerasArray> blocks = new ArrayList<>();
            for (int gate : gateOrder) {
                blocks.add(a.get(gate * 3 + part));
            }
            joined.add(concatLastAxis(blocks));
        }
        return joined;
    }

    private static KerasArray concatLastAxis(List<KerasArray> blocks) throws Mismatch {
        KerasArray first = blocks.get(0);
        long rows = first.rank() == 1 ? 1 : first.dim(0);
        long width = first.shape()[first.rank() - 1];
        for (KerasArray b : blocks) {
            if (!Arrays.equals(b.shape(), first.shape())) {
                throw new Mismatch("its Keras 1 gate arrays differ in shape (" + first.shapeText() + ", "
                        + b.shapeText() + ")");
            }
        }
        float[] values = new float[Math.toIntExact(rows * width * blocks.size())];
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < blocks.size(); g++) {
                System.arraycopy(blocks.get(g).values(), (int) (r * width), values,
                        (int) (r * width * blocks.size() + g * width), (int) width);
            }
        }
        long[] shape = first.rank() == 1 ? new long[] {width * blocks.size()} : new long[] {rows, width * blocks.size()};
        return new KerasArray(first.name(), shape, values);
    }

    /**
     * The other way: a trained layer's parameters as the arrays Keras stores for its kind, in Keras's order and
     * shapes (what {@link #convert} reads back), each named by its Keras variable path within the layer
     * ({@code kernel}, {@code lstm_cell/kernel}, {@code forward_lstm/lstm_cell/kernel}), for .keras and .h5 files.
     */
    static List<KerasArray> toKeras(LayerNode node, Map<String, INDArray> params, Layer conf) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        String kind = node.kind().kerasName();
        switch (kind) {
            case "Dense", "Conv2D", "Conv2DTranspose", "Conv1D", "Embedding" -> {
                INDArray w = params.get("W");
                if (kind.equals("Conv2D") || kind.equals("Conv2DTranspose")) {
                    w = w.permute(2, 3, 1, 0); // DL4J [out, in, h, w] → Keras [h, w, in, out]
                } else if (kind.equals("Conv1D")) {
                    // Its values are already Keras's [k, in, out] (see conv1d above); only the shape changes.
                    w = w.dup('c').reshape(w.length() / (w.size(0) * w.size(1)), w.size(1), w.size(0));
                }
                arrays.put(kind.equals("Embedding") ? "embeddings" : "kernel", w);
                if (params.containsKey("b")) {
                    arrays.put("bias", flat(params.get("b")));
                }
            }
            case "BatchNormalization" -> {
                for (String name : List.of("gamma", "beta")) {
                    if (params.containsKey(name)) {
                        arrays.put(name, flat(params.get(name)));
                    }
                }
                arrays.put("moving_mean", flat(params.get("mean")));
                INDArray var = params.containsKey("var") ? params.get("var")
                        : Transforms.pow(
                                Transforms.pow(Nd4j.valueArrayOf(
                                        params.get("log10stdev").shape(), 10.0, DataType.DOUBLE),
                                        params.get("log10stdev").castTo(DataType.DOUBLE)), 2);
                arrays.put("moving_variance", flat(var));
            }
            case "SimpleRNN", "LSTM" -> recurrentToKeras(params, "", kind.equals("LSTM")
                    && !(unwrap(conf) instanceof FusedLstm), cellName(kind) + "/", arrays);
            case "Bidirectional" -> {
                String inner = node.params().get(ParamKeys.LAYER);
                String cell = cellName(inner) + "/";
                String layer = Keras3Weights.snakeCase(inner);
                recurrentToKeras(params, "f", inner.equals("LSTM"), "forward_" + layer + "/" + cell, arrays);
                recurrentToKeras(params, "b", inner.equals("LSTM"), "backward_" + layer + "/" + cell, arrays);
            }
            case "DepthwiseConv2D" -> {
                arrays.put("depthwise_kernel", params.get("W"));
                if (params.containsKey("b")) {
                    arrays.put("bias", flat(params.get("b")));
                }
            }
            case "SeparableConv2D" -> {
                arrays.put("depthwise_kernel", params.get("W").permute(2, 3, 1, 0)); // [m, in, h, w] → [h, w, in, m]
                arrays.put("pointwise_kernel", params.get("pW").permute(2, 3, 1, 0));
                if (params.containsKey("b")) {
                    arrays.put("bias", flat(params.get("b")));
                }
            }
            case "PReLU" -> arrays.put("alpha", params.get("W"));
            case "LayerNormalization" -> {
                for (String name : List.of("gamma", "beta")) {
                    if (params.containsKey(name)) {
                        arrays.put(name, flat(params.get(name)));
                    }
                }
            }
            case "MultiHeadAttention" -> {
                long heads = node.params().get(ParamKeys.NUM_HEADS);
                for (String projection : PROJECTIONS) {
                    INDArray w = params.get(KerasMultiHeadAttention.kernel(projection));
                    boolean output = projection.equals("output");
                    String name = output ? "attention_output" : projection;
                    arrays.put(name + "/kernel", output ? w.reshape('c', heads, w.size(0) / heads, w.size(1))
                            : w.reshape('c', w.size(0), heads, w.size(1) / heads));
                    INDArray b = params.get(KerasMultiHeadAttention.bias(projection));
                    if (b != null) {
                        arrays.put(name + "/bias", output ? flat(b) : b.reshape('c', heads, b.length() / heads));
                    }
                }
            }
            case "GRU" -> {
                arrays.put("gru_cell/kernel", params.get("W"));
                arrays.put("gru_cell/recurrent_kernel", params.get("RW"));
                INDArray bias = params.get("b");
                arrays.put("gru_cell/bias", bias.size(0) == 1 ? flat(bias) : bias);
            }
            default -> {
                if (!params.isEmpty()) {
                    // A kind with weights and no Keras layout would be written without them: refuse instead.
                    throw new IllegalStateException(kind + " has weights but no Keras layout in KerasWeightLayouts");
                }
            }
        }
        List<KerasArray> out = new ArrayList<>();
        arrays.forEach((name, a) -> {
            INDArray c = a.castTo(DataType.FLOAT).dup('c');
            out.add(new KerasArray(name, c.shape(), c.data().asFloat()));
        });
        return out;
    }

    private static String cellName(String recurrentKind) {
        return switch (recurrentKind) {
            case "LSTM" -> "lstm_cell";
            case "GRU" -> "gru_cell";
            default -> "simple_rnn_cell";
        };
    }

    private static void recurrentToKeras(Map<String, INDArray> params, String prefix, boolean dl4jGateOrder,
                                         String path, Map<String, INDArray> out) {
        INDArray w = params.get(prefix + "W");
        INDArray rw = params.get(prefix + "RW");
        INDArray bias = params.get(prefix + "b");
        // Keras keeps a GRU's two bias rows (reset_after=True) as [2, 3u]; every other bias is flat.
        INDArray b = bias.rank() == 2 && bias.size(0) == 2 ? bias : flat(bias);
        long units = rw.size(0);
        if (dl4jGateOrder) {
            w = FusedLstm.fromDl4jGateOrder(w, units);
            rw = FusedLstm.fromDl4jGateOrder(rw, units);
            b = FusedLstm.fromDl4jGateOrder(b, units);
        }
        out.put(path + "kernel", w);
        out.put(path + "recurrent_kernel", rw);
        out.put(path + "bias", b);
    }

    private static INDArray flat(INDArray a) {
        return a.reshape(a.length());
    }

    private static Layer unwrap(Layer conf) {
        Layer l = conf;
        while (l instanceof BaseWrapperLayer w) {
            l = w.getUnderlying();
        }
        return l instanceof Bidirectional b ? b.getFwd() : l;
    }

    private static long[] need(Map<String, long[]> target, String name) throws Mismatch {
        long[] shape = target.get(name);
        if (shape == null) {
            throw new Mismatch("its compiled layer has no parameter " + name);
        }
        return shape;
    }

    private static void count(List<KerasArray> a, int expected) throws Mismatch {
        if (a.size() != expected) {
            throw new Mismatch("the file stores " + a.size() + " arrays for it where " + expected
                    + (expected == 1 ? " is" : " are") + " needed");
        }
    }

    private static KerasArray expect(KerasArray a, String what, long... shape) throws Mismatch {
        if (!a.hasShape(shape)) {
            throw new Mismatch("its " + what + " is " + a.shapeText() + " in the file where the graph needs "
                    + Arrays.toString(shape).replace('[', '(').replace(']', ')'));
        }
        return a;
    }

    private static INDArray array(KerasArray a) {
        long[] shape = a.rank() == 0 ? new long[] {1} : a.shape();
        return Nd4j.create(a.values(), shape, 'c');
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long d : shape) {
            p *= d;
        }
        return p;
    }
}
