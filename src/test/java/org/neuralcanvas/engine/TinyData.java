package org.neuralcanvas.engine;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.TrainingData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;

/** Tiny seeded synthetic problems that a small network learns in a second. */
final class TinyData {

    static final int FEATURES = 4;
    static final int CLASSES = 3;

    private TinyData() {
    }

    /** Three Gaussian blobs in 4-D, one-hot labels. */
    static DataSet blobs(int n, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][FEATURES];
        float[][] y = new float[n][CLASSES];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(CLASSES);
            for (int f = 0; f < FEATURES; f++) {
                x[i][f] = (float) ((f % CLASSES == c ? 2.0 : 0.0) + r.nextGaussian() * 0.7);
            }
            y[i][c] = 1;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    /** y = 2·x0 − x1 + 0.5·x2 + noise. */
    static DataSet line(int n, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][FEATURES];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < FEATURES; f++) {
                x[i][f] = (float) r.nextGaussian();
            }
            y[i][0] = (float) (2 * x[i][0] - x[i][1] + 0.5 * x[i][2] + 0.05 * r.nextGaussian());
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    static TrainingData classification() {
        return new TrainingData(new ViewIterator(blobs(320, 1), 64), null, new ViewIterator(blobs(200, 2), 64),
                DataDescriptor.multiclass(CLASSES));
    }

    static TrainingData regression() {
        return new TrainingData(new ViewIterator(line(320, 3), 64), null, new ViewIterator(line(200, 4), 64),
                DataDescriptor.regression());
    }

    static ModelGraph classifier() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(FEATURES)));
        b.then("Dense", Map.of("units", 16, "activation", "relu"));
        b.then("Dense", Map.of("units", CLASSES, "activation", "softmax"));
        return b.graph();
    }

    static ModelGraph regressor() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(FEATURES)));
        b.then("Dense", Map.of("units", 16, "activation", "tanh"));
        b.then("Dense", Map.of("units", 1));
        return b.graph();
    }

    static INDArray firstSamples(DataSet d, int n) {
        return d.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
    }
}
