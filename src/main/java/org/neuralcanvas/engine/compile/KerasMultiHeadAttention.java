package org.neuralcanvas.engine.compile;

import java.util.Map;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDVertexParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffVertex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's MultiHeadAttention, which DL4J 1.0.0-M2.1 lacks (its attention layers project without biases and read
 * channels-first sequences), on DL4J's extension point for vertices of our own ({@link SameDiffVertex}: it keeps
 * the parameters and their updater state, and derives the gradient from the graph defined here). Inputs are
 * channels-last sequences [batch, steps, features]: the query, then optionally the value and the key (a missing
 * value is the query, a missing key the value).
 *
 * <p>Per head: Q = x_q·Wq + bq, K = x_k·Wk + bk, V = x_v·Wv + bv; A = softmax(Q·Kᵀ / √key_dim) over the value's
 * steps; the heads' A·V, side by side, times Wo plus bo. Kernels are kept as Keras keeps them, flattened:
 * Wq [query features, heads·key_dim] is Keras's (features, heads, key_dim) read row by row, Wo [heads·value_dim,
 * output features] its (heads, value_dim, output).
 */
public final class KerasMultiHeadAttention extends SameDiffVertex {

    public static final String[] INPUTS = {"query", "value", "key"};

    private int inputs = 1;
    private long heads;
    private long keyDim;
    private long valueDim;
    private boolean useBias = true;
    private long queryFeatures;
    private long valueFeatures;
    private long keyFeatures;
    private long querySteps;
    private long valueSteps;

    /** For Jackson, which restores a saved model's configuration. */
    public KerasMultiHeadAttention() {
    }

    /** {@code shapes}: each input's [steps, features], query first. */
    public KerasMultiHeadAttention(long heads, long keyDim, long valueDim, boolean useBias, long[][] shapes) {
        this.inputs = shapes.length;
        this.heads = heads;
        this.keyDim = keyDim;
        this.valueDim = valueDim;
        this.useBias = useBias;
        long[] value = shapes[Math.min(1, shapes.length - 1)];
        long[] key = shapes[shapes.length - 1];
        this.querySteps = shapes[0][0];
        this.queryFeatures = shapes[0][1];
        this.valueSteps = value[0];
        this.valueFeatures = value[1];
        this.keyFeatures = key[1];
    }

    @Override
    public void defineParametersAndInputs(SDVertexParams params) {
        params.clear();
        String[] names = new String[inputs];
        System.arraycopy(INPUTS, 0, names, 0, inputs);
        params.defineInputs(names);
        projection(params, "query", queryFeatures, heads * keyDim);
        projection(params, "key", keyFeatures, heads * keyDim);
        projection(params, "value", valueFeatures, heads * valueDim);
        projection(params, "output", heads * valueDim, queryFeatures);
    }

    private void projection(SDVertexParams params, String name, long in, long out) {
        params.addWeightParam(kernel(name), in, out);
        if (useBias) {
            params.addBiasParam(bias(name), 1, out);
        }
    }

    /**
     * The kernel's parameter name: Wq, Wk, Wv, Wo. (No underscore: DL4J's updater takes a gradient's vertex from
     * the part of {@code vertex_param} before the last one.)
     */
    public static String kernel(String projection) {
        return "W" + projection.charAt(0);
    }

    /** The bias's parameter name: bq, bk, bv, bo. */
    public static String bias(String projection) {
        return "b" + projection.charAt(0);
    }

    @Override
    public SDVariable defineVertex(SameDiff sd, Map<String, SDVariable> in, Map<String, SDVariable> params,
                                   Map<String, SDVariable> masks) {
        SDVariable query = in.get("query");
        SDVariable value = in.getOrDefault("value", query);
        SDVariable key = in.getOrDefault("key", value);
        // [batch, heads, steps, dim]; the query scaled by 1/√key_dim as Keras does before the dot product.
        SDVariable q = heads(sd, project(sd, query, params, "query", queryFeatures), querySteps, keyDim)
                .mul(1.0 / Math.sqrt(keyDim));
        SDVariable k = heads(sd, project(sd, key, params, "key", keyFeatures), valueSteps, keyDim);
        SDVariable v = heads(sd, project(sd, value, params, "value", valueFeatures), valueSteps, valueDim);
        SDVariable scores = sd.mmul(q, k, false, true, false);                 // [batch, heads, Tq, Tv]
        SDVariable weights = sd.nn().softmax(scores, 3);
        SDVariable attended = sd.mmul(weights, v);                             // [batch, heads, Tq, value_dim]
        SDVariable joined = sd.reshape(sd.permute(attended, 0, 2, 1, 3), -1, heads * valueDim);
        SDVariable out = joined.mmul(params.get(kernel("output")));
        if (useBias) {
            out = out.add(params.get(bias("output")));
        }
        return sd.reshape(out, -1, querySteps, queryFeatures);
    }

    /** x [batch, steps, features] · W + b, as [batch·steps, out]. */
    private SDVariable project(SameDiff sd, SDVariable x, Map<String, SDVariable> params, String name, long features) {
        SDVariable y = sd.reshape(x, -1, features).mmul(params.get(kernel(name)));
        return useBias ? y.add(params.get(bias(name))) : y;
    }

    /** [batch·steps, heads·dim] → [batch, heads, steps, dim]. */
    private SDVariable heads(SameDiff sd, SDVariable projected, long steps, long dim) {
        return sd.permute(sd.reshape(projected, -1, steps, heads, dim), 0, 2, 1, 3);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // Keras's glorot_uniform on its einsum kernels, whose fans count every axis but the last two as a
        // receptive field: (features, heads, dim) has fan_in heads·features and fan_out dim·features.
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            glorot(params.get(kernel("query")), heads * queryFeatures, keyDim * queryFeatures);
            glorot(params.get(kernel("key")), heads * keyFeatures, keyDim * keyFeatures);
            glorot(params.get(kernel("value")), heads * valueFeatures, valueDim * valueFeatures);
            glorot(params.get(kernel("output")), heads * valueDim, heads * queryFeatures);
            for (String p : params.keySet()) {
                if (p.startsWith("b")) {
                    params.get(p).assign(0);
                }
            }
        }
    }

    private static void glorot(INDArray w, long fanIn, long fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        w.assign(Nd4j.rand(w.dataType(), w.shape()).muli(2 * limit).subi(limit));
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        return InputType.recurrent(queryFeatures, querySteps, RNNFormat.NWC);
    }

    @Override
    public char paramReshapeOrder(String param) {
        return 'c';
    }

    @Override
    public KerasMultiHeadAttention clone() {
        KerasMultiHeadAttention c = new KerasMultiHeadAttention();
        c.inputs = inputs;
        c.heads = heads;
        c.keyDim = keyDim;
        c.valueDim = valueDim;
        c.useBias = useBias;
        c.queryFeatures = queryFeatures;
        c.valueFeatures = valueFeatures;
        c.keyFeatures = keyFeatures;
        c.querySteps = querySteps;
        c.valueSteps = valueSteps;
        c.updater = updater;
        c.biasUpdater = biasUpdater;
        c.regularization = regularization;
        c.regularizationBias = regularizationBias;
        c.dataType = dataType;
        c.setName(getName());
        return c;
    }

    public int getInputs() {
        return inputs;
    }

    public void setInputs(int inputs) {
        this.inputs = inputs;
    }

    public long getHeads() {
        return heads;
    }

    public void setHeads(long heads) {
        this.heads = heads;
    }

    public long getKeyDim() {
        return keyDim;
    }

    public void setKeyDim(long keyDim) {
        this.keyDim = keyDim;
    }

    public long getValueDim() {
        return valueDim;
    }

    public void setValueDim(long valueDim) {
        this.valueDim = valueDim;
    }

    public boolean isUseBias() {
        return useBias;
    }

    public void setUseBias(boolean useBias) {
        this.useBias = useBias;
    }

    public long getQueryFeatures() {
        return queryFeatures;
    }

    public void setQueryFeatures(long queryFeatures) {
        this.queryFeatures = queryFeatures;
    }

    public long getValueFeatures() {
        return valueFeatures;
    }

    public void setValueFeatures(long valueFeatures) {
        this.valueFeatures = valueFeatures;
    }

    public long getKeyFeatures() {
        return keyFeatures;
    }

    public void setKeyFeatures(long keyFeatures) {
        this.keyFeatures = keyFeatures;
    }

    public long getQuerySteps() {
        return querySteps;
    }

    public void setQuerySteps(long querySteps) {
        this.querySteps = querySteps;
    }

    public long getValueSteps() {
        return valueSteps;
    }

    public void setValueSteps(long valueSteps) {
        this.valueSteps = valueSteps;
    }
}
