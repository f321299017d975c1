package org.neuralcanvas.engine.compile;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's Rescaling as an activation: {@code x * scale + offset}. DL4J has no such layer; an activation is the
 * smallest extension point that saves and loads with the model (its two numbers are its JSON).
 */
public class AffineActivation extends BaseActivationFunction {

    private double scale;
    private double offset;

    /** For DL4J's JSON reader. */
    public AffineActivation() {
        this(1.0, 0.0);
    }

    public AffineActivation(@JsonProperty("scale") double scale, @JsonProperty("offset") double offset) {
        this.scale = scale;
        this.offset = offset;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return in.muli(scale).addi(offset);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        // d(x * scale + offset)/dx = scale; DL4J's contract is to return dL/dIn in place of epsilon.
        return new Pair<>(epsilon.muli(scale), null);
    }

    public double getScale() {
        return scale;
    }

    public double getOffset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineActivation a && a.scale == scale && a.offset == offset;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(scale) * 31 + Double.hashCode(offset);
    }

    @Override
    public String toString() {
        return "affine(" + scale + ", " + offset + ")";
    }
}
