package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * A recurrent layer of ours ({@link FusedLstm}, {@link KerasGru}) as Keras has it: input [batch, steps, features],
 * output the whole sequence [batch, steps, units] or, without {@code returnSequences}, the last step's [batch, units].
 * Bean properties, so that DL4J's JSON saves and restores them with the model.
 */
abstract class KerasRecurrentConfiguration extends OwnLayerConfiguration {

    private long nIn;
    private long units;
    private boolean returnSequences;
    private boolean masked;

    KerasRecurrentConfiguration() {
    }

    KerasRecurrentConfiguration(long units, boolean returnSequences) {
        this.units = units;
        this.returnSequences = returnSequences;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!returnSequences) {
            return InputType.feedForward(units);
        }
        long steps = inputType instanceof InputType.InputTypeRecurrent r ? r.getTimeSeriesLength() : -1;
        return InputType.recurrent(units, steps, RNNFormat.NWC);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (inputType instanceof InputType.InputTypeRecurrent r && (override || nIn <= 0)) {
            nIn = r.getSize() - (masked ? 1 : 0);
        }
    }

    /**
     * Reads Keras's step mask as its input's last feature ({@link StepMask.Use#APPEND}) and skips the padded steps:
     * there the state stays what it was, and a returned sequence repeats it, as Keras's RNN does.
     */
    public boolean isMasked() {
        return masked;
    }

    public void setMasked(boolean masked) {
        this.masked = masked;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public long getUnits() {
        return units;
    }

    public void setUnits(long units) {
        this.units = units;
    }

    public boolean isReturnSequences() {
        return returnSequences;
    }

    public void setReturnSequences(boolean returnSequences) {
        this.returnSequences = returnSequences;
    }
}
