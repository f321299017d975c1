package org.neuralcanvas.engine.compile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's SpatialDropout1D/2D on channels-last data: a whole channel (every step, or every pixel, of it) is
 * dropped together, the kept ones scaled by 1 / (1 - rate). DL4J's own SpatialDropout drops along axis 1,
 * which is a channel only in channels-first data, so it would drop rows of our (steps, channels) and
 * (height, width, channels) activations instead.
 */
public class ChannelsLastSpatialDropout implements IDropout {

    private final double rate;
    @JsonIgnore
    private transient INDArray mask;

    public ChannelsLastSpatialDropout(@JsonProperty("rate") double rate) {
        this.rate = rate;
    }

    public double getRate() {
        return rate;
    }

    @Override
    public INDArray applyDropout(INDArray input, INDArray result, int iteration, int epoch, LayerWorkspaceMgr mgr) {
        long[] shape = input.shape();
        long[] maskShape = new long[shape.length];
        java.util.Arrays.fill(maskShape, 1);
        maskShape[0] = shape[0];
        maskShape[shape.length - 1] = shape[shape.length - 1];
        double keep = 1.0 - rate;
        mask = Nd4j.rand(input.dataType(), maskShape).lt(keep).castTo(input.dataType()).divi(keep);
        return result.assign(input.mul(mask));
    }

    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        if (mask == null) {
            return gradAtInput.assign(gradAtOutput);
        }
        return gradAtInput.assign(gradAtOutput.mul(mask));
    }

    @Override
    public void clear() {
        mask = null;
    }

    @Override
    public IDropout clone() {
        return new ChannelsLastSpatialDropout(rate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelsLastSpatialDropout d && d.rate == rate;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(rate);
    }
}
