package org.neuralcanvas.engine.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.engine.compile.CompiledModel;

/**
 * Gathers {@link LayerStats} on the training thread, at most once per epoch and at a bounded cost: the weights are
 * copied once at the epoch's start (to measure the epoch's update), each distribution is drawn from an evenly spaced
 * sample of at most {@link #SAMPLE} values, and the outputs come from one forward pass over a fixed batch of at most
 * {@link #BATCH} training samples. Nothing is gathered unless asked for (the window's Histograms tab was opened).
 */
public final class LayerStatsCollector {

    /** Values per distribution. */
    public static final int SAMPLE = 4096;
    /** Samples in the fixed batch whose outputs are measured. */
    public static final int BATCH = 64;
    public static final int BINS = 30;

    private final CompiledModel compiled;
    private final ComputationGraph net;
    private final INDArray fixedBatch;
    /** Each layer's weight arrays (DL4J parameter keys), bias keys apart. */
    private final Map<String, List<String>> weightKeys = new LinkedHashMap<>();
    private final Map<String, List<String>> biasKeys = new LinkedHashMap<>();
    private final Map<String, INDArray> atStart = new LinkedHashMap<>();

    /** @param fixedBatch the inputs whose outputs are measured every epoch; null for a model with several inputs */
    public LayerStatsCollector(CompiledModel compiled, ComputationGraph net, INDArray fixedBatch) {
        this.compiled = compiled;
        this.net = net;
        this.fixedBatch = fixedBatch;
        Map<String, INDArray> params = net.paramTable();
        for (LayerNode n : compiled.graph().nodes()) {
            String vertex = compiled.vertexOfNode().get(n.id());
            if (vertex == null || n.kind().isInput()) {
                continue;
            }
            List<String> w = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (String key : params.keySet()) {
                if (key.startsWith(vertex + "_")) {
                    String param = key.substring(vertex.length() + 1);
                    (param.equals("b") || param.endsWith("_b") || param.equals("bias") ? b : w).add(key);
                }
            }
            weightKeys.put(n.id(), w);
            biasKeys.put(n.id(), b);
        }
    }

    /** The epoch begins: the weights are copied, to measure what it changes. */
    public void epochStarted() {
        atStart.clear();
        Map<String, INDArray> params = net.paramTable();
        weightKeys.values().forEach(keys -> keys.forEach(k -> atStart.put(k, params.get(k).dup())));
    }

    /** The epoch ended: every layer's distributions, update ratio and dead units. */
    public List<LayerStats> epochEnded() {
        Map<String, INDArray> params = net.paramTable();
        Map<String, INDArray> outputs = fixedBatch == null ? Map.of()
                : net.feedForward(new INDArray[] {fixedBatch}, false, false);
        List<LayerStats> stats = new ArrayList<>();
        for (LayerNode n : compiled.graph().nodes()) {
            if (!weightKeys.containsKey(n.id())) {
                continue;
            }
            List<String> w = weightKeys.get(n.id());
            List<String> b = biasKeys.get(n.id());
            Histogram weights = w.isEmpty() ? null : Histogram.of(sample(w.stream().map(params::get).toList()), BINS);
            Histogram biases = b.isEmpty() ? null : Histogram.of(sample(b.stream().map(params::get).toList()), BINS);
            Histogram updates = null;
            double ratio = Double.NaN;
            if (!w.isEmpty() && w.stream().allMatch(atStart::containsKey)) {
                List<INDArray> deltas = w.stream().map(k -> params.get(k).sub(atStart.get(k))).toList();
                updates = Histogram.of(sample(deltas), BINS);
                double du = 0;
                double p = 0;
                for (int i = 0; i < w.size(); i++) {
                    du += Math.pow(deltas.get(i).norm2Number().doubleValue(), 2);
                    p += Math.pow(params.get(w.get(i)).norm2Number().doubleValue(), 2);
                }
                ratio = p == 0 ? Double.NaN : Math.sqrt(du) / Math.sqrt(p);
            }
            INDArray out = outputs.get(compiled.vertexOfNode().get(n.id()));
            Histogram activations = out == null ? null : Histogram.of(sample(List.of(out)), BINS);
            stats.add(new LayerStats(n.id(), n.name(), weights, biases, updates, activations, ratio, dead(out)));
        }
        atStart.clear();
        return stats;
    }

    /** The share of output units never above zero over the batch. */
    private static double dead(INDArray out) {
        if (out == null || out.rank() < 2 || out.size(0) == 0) {
            return Double.NaN;
        }
        INDArray perUnit = out.reshape(out.size(0), -1).max(0);
        long units = perUnit.length();
        long deadUnits = perUnit.lte(0).castTo(DataType.INT).sumNumber().longValue();
        return units == 0 ? Double.NaN : (double) deadUnits / units;
    }

    /** At most SAMPLE values, evenly spaced over the arrays' elements. */
    static float[] sample(List<INDArray> arrays) {
        long total = 0;
        for (INDArray a : arrays) {
            total += a.length();
        }
        int n = (int) Math.min(SAMPLE, total);
        float[] out = new float[n];
        if (n == 0) {
            return out;
        }
        double step = (double) total / n;
        int filled = 0;
        long offset = 0;
        for (INDArray a : arrays) {
            INDArray flat = a.reshape(a.length());
            while (filled < n) {
                long at = (long) (filled * step) - offset;
                if (at >= a.length()) {
                    break;
                }
                out[filled++] = flat.getFloat(at);
            }
            offset += a.length();
        }
        return out;
    }
}
