package org.neuralcanvas.engine.compile;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A DL4J loss scaled to the value Keras reports. Keras averages a loss over every position of an output (the pixels
 * of an autoencoder's image, the steps of a sequence) and, for binary cross-entropy, hinge and Poisson, over the
 * last axis too; DL4J adds both up. Without the scale an MNIST autoencoder's binary cross-entropy reads 784 times
 * Keras's (80 for 0.1), and plain SGD steps 784 times as far. Score and gradient are scaled alike.
 *
 * <p>Bean properties, so that DL4J's JSON saves and restores it with the model.
 */
public final class KerasMeanLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    private ILossFunction loss;
    private double scale = 1.0;

    /** For Jackson, which restores a saved model's configuration. */
    public KerasMeanLoss() {
    }

    public KerasMeanLoss(ILossFunction loss, double scale) {
        this.loss = loss;
        this.scale = scale;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        return scale * loss.computeScore(labels, preOutput, activationFn, mask, average);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return loss.computeScoreArray(labels, preOutput, activationFn, mask).muli(scale);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return loss.computeGradient(labels, preOutput, activationFn, mask).muli(scale);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                         INDArray mask, boolean average) {
        Pair<Double, INDArray> p = loss.computeGradientAndScore(labels, preOutput, activationFn, mask, average);
        return new Pair<>(scale * p.getFirst(), p.getSecond().muli(scale));
    }

    @Override
    public String name() {
        return loss.name();
    }

    public ILossFunction getLoss() {
        return loss;
    }

    public void setLoss(ILossFunction loss) {
        this.loss = loss;
    }

    public double getScale() {
        return scale;
    }

    public void setScale(double scale) {
        this.scale = scale;
    }

    @Override
    public String toString() {
        return "KerasMeanLoss(" + loss + " × " + scale + ")";
    }
}
