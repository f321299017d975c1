package org.neuralcanvas.engine.compile;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's GRU (as Keras 3 and tf.keras define it, {@code reset_after=True}), which DL4J 1.0.0-M2.1 lacks, on DL4J's
 * extension point for layers of our own ({@link SameDiffLayer}: it keeps the parameters, their initialisation and
 * saving). {@link KerasGruLayer} computes it; libnd4j's {@code gru} op applies the reset gate before the recurrent
 * product (Keras's {@code reset_after=False}), so it cannot stand in.
 *
 * <p>Weights are kept as Keras keeps them, gates in Keras's order (update z, reset r, candidate h): {@code W}
 * [inputs, 3·units], {@code RW} [units, 3·units], {@code b} [2, 3·units] (input bias, recurrent bias; one row for
 * {@code reset_after=False}), initialised as
 * Keras does (glorot_uniform, orthogonal, zeros). Per step: z = σ(x·Wz + bz + h·Uz + b'z), r likewise,
 * ĥ = tanh(x·Wh + bh + r ⊙ (h·Uh + b'h)), h = z ⊙ h + (1 − z) ⊙ ĥ.
 */
public final class KerasGru extends KerasRecurrentConfiguration {

    public static final String WEIGHTS = "W";
    public static final String RECURRENT_WEIGHTS = "RW";
    public static final String BIAS = "b";

    private String activation = "tanh";
    private String recurrentActivation = "sigmoid";
    private boolean resetAfter = true;
    private double recurrentDropout;
    private boolean backwards;

    /** For Jackson, which restores a saved model's configuration. */
    public KerasGru() {
    }

    public KerasGru(long units, boolean returnSequences, String activation, String recurrentActivation) {
        this(units, returnSequences, activation, recurrentActivation, true);
    }

    /**
     * @param resetAfter Keras 3's GRU (true); false: Keras 2.2's, the reset gate applied to h before the recurrent
     *                   product of the candidate, ĥ = tanh(x·Wh + bh + (r ⊙ h)·Uh), and one bias [1, 3·units]
     */
    public KerasGru(long units, boolean returnSequences, String activation, String recurrentActivation,
                    boolean resetAfter) {
        super(units, returnSequences);
        this.activation = activation;
        this.recurrentActivation = recurrentActivation;
        this.resetAfter = resetAfter;
    }

    /** Never built: {@link KerasGruLayer} computes the layer itself. */
    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        throw new UnsupportedOperationException("KerasGruLayer computes the GRU; it has no SameDiff graph");
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(WEIGHTS, getNIn(), 3 * getUnits());
        params.addWeightParam(RECURRENT_WEIGHTS, getUnits(), 3 * getUnits());
        params.addBiasParam(BIAS, resetAfter ? 2 : 1, 3 * getUnits());
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // DL4J seeds ND4J's generator from the model's seed before it initialises parameters: reproducible.
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray w = params.get(WEIGHTS);
            double limit = Math.sqrt(6.0 / (getNIn() + 3 * getUnits())); // glorot_uniform over the whole [in, 3u] kernel
            w.assign(Nd4j.rand(w.dataType(), w.shape()).muli(2 * limit).subi(limit));
            INDArray rw = params.get(RECURRENT_WEIGHTS);
            rw.assign(FusedLstm.orthonormalRows(Nd4j.rand(rw.dataType(), rw.shape()).subi(0.5).toDoubleMatrix()));
            params.get(BIAS).assign(0);
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray view, boolean initialize, DataType dataType) {
        return LayerInstances.wire(new KerasGruLayer(conf, dataType), conf, listeners, index, view, initialize,
                initializer());
    }

    /**
     * The backward half of a Bidirectional GRU: reads the steps last to first, and puts each step's output at its
     * input's position (as Keras's Bidirectional turns the backward layer's sequence round again).
     */
    public boolean isBackwards() {
        return backwards;
    }

    public void setBackwards(boolean backwards) {
        this.backwards = backwards;
    }

    /** Keras's recurrent_dropout: while training, h is dropped before each step with one mask for all steps. */
    public double getRecurrentDropout() {
        return recurrentDropout;
    }

    public void setRecurrentDropout(double recurrentDropout) {
        this.recurrentDropout = recurrentDropout;
    }

    public boolean isResetAfter() {
        return resetAfter;
    }

    public void setResetAfter(boolean resetAfter) {
        this.resetAfter = resetAfter;
    }

    public String getActivation() {
        return activation;
    }

    public void setActivation(String activation) {
        this.activation = activation;
    }

    public String getRecurrentActivation() {
        return recurrentActivation;
    }

    public void setRecurrentActivation(String recurrentActivation) {
        this.recurrentActivation = recurrentActivation;
    }
}
