package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's {@code dropout} of a recurrent layer: while training, each sample's features are dropped (and the others
 * scaled by 1/(1 − rate)) with one mask for all its steps, as Keras's RNN cells reuse their dropout mask at every
 * step. DL4J's own Dropout draws a new mask per step. Which axis holds the steps depends on the layer: DL4J's LSTM
 * applies it to channels-first [batch, features, steps], its SimpleRnn and our layers to channels-last input.
 *
 * <p>Bean properties for DL4J's JSON; the mask of the last batch is not saved.
 */
public final class TimeSharedDropout implements IDropout {

    private static final long serialVersionUID = 1L;

    private double rate;
    private int stepsAxis = 1;
    private transient INDArray mask;

    /** For Jackson, which restores a saved model's configuration. */
    public TimeSharedDropout() {
    }

    /** @param stepsAxis 1 for [batch, steps, features], 2 for [batch, features, steps] */
    public TimeSharedDropout(double rate, int stepsAxis) {
        this.rate = rate;
        this.stepsAxis = stepsAxis;
    }

    @Override
    public INDArray applyDropout(INDArray inputActivations, INDArray result, int iteration, int epoch,
                                 LayerWorkspaceMgr workspaceMgr) {
        long[] shape = inputActivations.shape();
        long[] oneStep = shape.clone();
        oneStep[stepsAxis] = 1;
        INDArray keep;
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            keep = Nd4j.rand(inputActivations.dataType(), oneStep).gt(rate).castTo(inputActivations.dataType())
                    .divi(1 - rate);
            mask = keep.repeat(stepsAxis, shape[stepsAxis]);
        }
        return result.assign(inputActivations.mul(mask));
    }

    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        return gradAtInput.assign(gradAtOutput.mul(mask));
    }

    @Override
    public void clear() {
        mask = null;
    }

    @Override
    public TimeSharedDropout clone() {
        return new TimeSharedDropout(rate, stepsAxis);
    }

    public double getRate() {
        return rate;
    }

    public void setRate(double rate) {
        this.rate = rate;
    }

    public int getStepsAxis() {
        return stepsAxis;
    }

    public void setStepsAxis(int stepsAxis) {
        this.stepsAxis = stepsAxis;
    }
}
