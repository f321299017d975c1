package org.neuralcanvas.engine.compile;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.outputs.LSTMLayerOutputs;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Keras's LSTM as one libnd4j {@code lstmLayer} op (and {@code lstmLayer_bp} for its gradient), on DL4J's extension
 * point for layers of our own, {@link SameDiffLayer}.
 *
 * <p>DL4J's {@code LSTM} layer runs each time step as a dozen separate ops from Java (LSTMHelpers): the stacked-LSTM
 * template took 96 ms per step of 64 against PyTorch's 10 (docs/decisions/0002-onednn-layers.md). The fused op
 * does a whole sequence in one native call ({@link FusedLstmLayer} runs it). Weights are kept as Keras keeps them: {@code W} [inputs, 4·units],
 * {@code RW} [units, 4·units], {@code b} [4·units], gates in the order input, forget, cell, output; initialised
 * as Keras does (glorot_uniform, orthogonal, zeros with the forget gate's bias at 1). Input and output are
 * channels-last sequences [batch, steps, features]; without {@code returnSequences} the output is the last
 * step's [batch, units].
 */
public final class FusedLstm extends KerasRecurrentConfiguration {

    /** {@code -Dneuralcanvas.fusedlstm=false} compiles LSTMs as DL4J's own layer (benchmarks, comparisons). */
    public static final String PROPERTY = "neuralcanvas.fusedlstm";
    public static final String WEIGHTS = "W";
    public static final String RECURRENT_WEIGHTS = "RW";
    public static final String BIAS = "b";
    /** libnd4j's {@code lstmLayer} integer arguments: data format NTS ([batch, steps, features]), direction forward. */
    static final int NTS = 1;
    static final int FORWARD = 0;

    private LSTMActivations gateActivation = LSTMActivations.SIGMOID;
    private double recurrentDropout;
    private LSTMActivations activation = LSTMActivations.TANH;

    /** For Jackson, which restores a saved model's configuration. */
    public FusedLstm() {
    }

    public FusedLstm(long units, boolean returnSequences, LSTMActivations activation, LSTMActivations gateActivation) {
        super(units, returnSequences);
        this.activation = activation;
        this.gateActivation = gateActivation;
    }

    /**
     * The fused op's activation for a Keras one, or null when it has none that takes no parameters (then DL4J's own
     * LSTM is used: hard_sigmoid, the recurrent activation of Keras 1 and early Keras 2 files, is one).
     */
    public static LSTMActivations activationOf(String kerasName) {
        return switch (kerasName) {
            case "tanh" -> LSTMActivations.TANH;
            case "sigmoid" -> LSTMActivations.SIGMOID;
            case "softsign" -> LSTMActivations.SOFTSIGN;
            case "softplus" -> LSTMActivations.SOFTPLUS;
            default -> null;
        };
    }

    /**
     * A weight matrix of DL4J's own LSTM ([rows, 4·units], gate blocks in DL4J's order: cell input, forget, output,
     * input) with its blocks in Keras's order (input, forget, cell input, output), as this layer keeps them.
     */
    public static INDArray fromDl4jGateOrder(INDArray dl4j, long units) {
        INDArray m = dl4j.rank() == 1 ? dl4j.reshape(1, dl4j.length()) : dl4j;
        INDArray keras = Nd4j.concat(1, block(m, 3, units), block(m, 1, units), block(m, 0, units), block(m, 2, units));
        return dl4j.rank() == 1 ? keras.reshape(dl4j.length()) : keras;
    }

    /** The inverse of {@link #fromDl4jGateOrder}: Keras's gate blocks (input, forget, cell, output) in DL4J's order. */
    public static INDArray toDl4jGateOrder(INDArray keras, long units) {
        INDArray m = keras.rank() == 1 ? keras.reshape(1, keras.length()) : keras;
        INDArray dl4j = Nd4j.concat(1, block(m, 2, units), block(m, 1, units), block(m, 3, units), block(m, 0, units));
        return keras.rank() == 1 ? dl4j.reshape(keras.length()) : dl4j;
    }

    private static INDArray block(INDArray m, int index, long units) {
        return m.get(NDArrayIndex.all(), NDArrayIndex.interval(index * units, (index + 1) * units));
    }

    /**
     * The same op as a SameDiff graph, which DL4J asks every SameDiff layer for; {@link FusedLstmLayer} runs the op
     * itself and never builds this graph.
     */
    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        LSTMLayerConfig config = LSTMLayerConfig.builder()
                .lstmdataformat(LSTMDataFormat.NTS)
                .directionMode(LSTMDirectionMode.FWD)
                .gateAct(gateActivation)
                .cellAct(activation)
                .outAct(activation)
                .retFullSequence(isReturnSequences())
                .retLastH(!isReturnSequences())
                .retLastC(false)
                .build();
        LSTMLayerWeights weights = LSTMLayerWeights.builder()
                .weights(params.get(WEIGHTS))
                .rWeights(params.get(RECURRENT_WEIGHTS))
                .bias(params.get(BIAS))
                .build();
        LSTMLayerOutputs out = new LSTMLayerOutputs(sd.rnn().lstmLayer(input, weights, config), config);
        return isReturnSequences() ? out.getOutput() : out.getLastOutput();
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHTS, getNIn(), 4 * getUnits());
        params.addWeightParam(RECURRENT_WEIGHTS, getUnits(), 4 * getUnits());
        params.addBiasParam(BIAS, 4 * getUnits());
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // DL4J seeds ND4J's generator from the model's seed before it initialises parameters: reproducible.
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray w = params.get(WEIGHTS);
            double limit = Math.sqrt(6.0 / (getNIn() + 4 * getUnits())); // glorot_uniform over the whole [in, 4u] kernel
            w.assign(Nd4j.rand(w.dataType(), w.shape()).muli(2 * limit).subi(limit));
            INDArray rw = params.get(RECURRENT_WEIGHTS);
            rw.assign(orthonormalRows(Nd4j.rand(rw.dataType(), rw.shape()).subi(0.5).toDoubleMatrix()));
            INDArray b = params.get(BIAS);
            b.assign(0);
            b.get(NDArrayIndex.interval(getUnits(), 2 * getUnits())).assign(1); // unit_forget_bias: the forget gate's block
        }
    }

    /**
     * Keras's orthogonal initializer for a [u, 4u] recurrent kernel: rows made orthonormal (Gram-Schmidt, once per
     * layer; u is at most a few hundred).
     */
    static INDArray orthonormalRows(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            double[] r = m[i];
            for (int j = 0; j < i; j++) {
                double dot = 0;
                for (int k = 0; k < r.length; k++) {
                    dot += r[k] * m[j][k];
                }
                for (int k = 0; k < r.length; k++) {
                    r[k] -= dot * m[j][k];
                }
            }
            double norm = 0;
            for (double v : r) {
                norm += v * v;
            }
            norm = Math.sqrt(norm) + 1e-12;
            for (int k = 0; k < r.length; k++) {
                r[k] /= norm;
            }
        }
        return Nd4j.create(m);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray view, boolean initialize, DataType dataType) {
        // As SameDiffLayer.instantiate, with our running layer: the fused op, or step by step where Keras's
        // recurrent_dropout must drop h before each step, or a mask keep the state over padded steps (StepwiseLstmLayer).
        if (recurrentDropout > 0 || isMasked()) {
            return LayerInstances.wire(new StepwiseLstmLayer(conf, dataType), conf, listeners, index, view, initialize,
                    initializer());
        }
        return LayerInstances.wire(new FusedLstmLayer(conf, dataType), conf, listeners, index, view, initialize,
                initializer());
    }

    /** Keras's recurrent_dropout: while training, h is dropped before each step with one mask for all steps. */
    public double getRecurrentDropout() {
        return recurrentDropout;
    }

    public void setRecurrentDropout(double recurrentDropout) {
        this.recurrentDropout = recurrentDropout;
    }

    public LSTMActivations getGateActivation() {
        return gateActivation;
    }

    public void setGateActivation(LSTMActivations gateActivation) {
        this.gateActivation = gateActivation;
    }

    public LSTMActivations getActivation() {
        return activation;
    }

    public void setActivation(LSTMActivations activation) {
        this.activation = activation;
    }
}
