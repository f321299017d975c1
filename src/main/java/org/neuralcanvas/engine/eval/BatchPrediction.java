package org.neuralcanvas.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.engine.io.Npy;
import org.neuralcanvas.engine.train.TrainedModel;

/**
 * Keras's {@code model.predict(x)} for arrays from outside (NumPy files, CSV rows): one array per
 * Input, in the model's input order, each a batch of samples in channels-last order. A batch whose
 * sample shape is not the Input's is refused with a sentence before anything reaches ND4J; a flat
 * row per sample (CSV) is accepted where its length is the sample's size.
 */
public final class BatchPrediction {

    /** The arrays do not fit the model; the message says which and how. */
    public static final class ShapeMismatch extends Exception {
        ShapeMismatch(String message) {
            super(message);
        }
    }

    private BatchPrediction() {
    }

    public static Npy predict(TrainedModel model, List<Npy> inputs) throws ShapeMismatch {
        List<TensorShape> shapes = model.compiled().inputShapes();
        if (inputs.size() != shapes.size()) {
            throw new ShapeMismatch("The model has " + shapes.size() + " input" + (shapes.size() == 1 ? "" : "s")
                    + " and " + inputs.size() + " array" + (inputs.size() == 1 ? " was" : "s were")
                    + " given; give one --input per Input, in the order " + model.compiled().inputNames() + ".");
        }
        List<INDArray> batches = new ArrayList<>();
        long batch = -1;
        for (int i = 0; i < inputs.size(); i++) {
            Npy x = inputs.get(i);
            TensorShape want = shapes.get(i);
            long sample = 1;
            for (int d = 0; d < want.rank(); d++) {
                sample *= want.dim(d);
            }
            long rows = x.shape().length == 0 ? 0 : x.shape()[0];
            boolean exact = x.shape().length == want.rank() + 1 && Arrays.equals(Arrays.copyOfRange(x.shape(), 1,
                    x.shape().length), Arrays.stream(want.asList().toArray(Integer[]::new)).mapToLong(v -> v).toArray());
            boolean flat = x.shape().length == 2 && x.shape()[1] == sample;
            if (!exact && !flat) {
                throw new ShapeMismatch("Input " + model.compiled().inputNames().get(i) + " takes samples of shape "
                        + want + "; the array given is " + Arrays.toString(x.shape()).replace('[', '(').replace(']', ')')
                        + ". The first axis is the batch.");
            }
            if (batch >= 0 && rows != batch) {
                throw new ShapeMismatch("The inputs hold different numbers of samples (" + batch + " and " + rows
                        + "); give the same samples to every Input.");
            }
            batch = rows;
            long[] dims = new long[want.rank() + 1];
            dims[0] = rows;
            for (int d = 0; d < want.rank(); d++) {
                dims[d + 1] = want.dim(d);
            }
            batches.add(Nd4j.create(x.values(), dims, 'c'));
        }
        INDArray out = model.network().output(false, batches.toArray(INDArray[]::new))[0];
        return new Npy(out.shape(), out.castTo(DataType.FLOAT).dup('c').data().asFloat());
    }
}
