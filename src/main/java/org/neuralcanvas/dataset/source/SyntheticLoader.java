package org.neuralcanvas.dataset.source;

import java.util.List;
import java.util.Random;

import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetLoader;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.RawDataset;

/**
 * The synthetic datasets of the Keras guides, generated from a fixed seed so every run and
 * every machine sees the same numbers. Where the guides draw labels at random (which nothing
 * can learn), labels here come from a hidden random linear rule instead, so a model visibly
 * learns; the features are drawn as in the guides.
 */
public final class SyntheticLoader implements DatasetLoader {

    /** Which generator. */
    public enum Kind {
        /** x uniform in [0, 1)^100; class = argmax((x - 0.5) W), W normal 100x10. */
        MULTICLASS,
        /** x uniform in [-1, 1]; y = 5x + 10 + noise, noise normal with sd 0.5. */
        LINEAR,
        /** x normal^20; y ~ Bernoulli(sigmoid(3 x.w / sqrt(20))), w normal. */
        LOGISTIC,
        /** x uniform in [0, 1)^(8x16); class = argmax((mean over time of x - 0.5) W), W normal 16x10. */
        SEQUENCES
    }

    /** The seed all synthetic data is drawn from (training order is shuffled by the run's own seed). */
    public static final long DATA_SEED = 42;

    private final Kind kind;

    public SyntheticLoader(Kind kind) {
        this.kind = kind;
    }

    @Override
    public RawDataset load(DatasetDescriptor d, DatasetCache cache) {
        Random random = new Random(DATA_SEED);
        int n = d.trainCount() + d.testCount();
        int[] shape = d.shape(d.defaultLayout());
        int width = 1;
        for (int s : shape) {
            width *= s;
        }
        float[] x = new float[n * width];
        int[] labels = d.numClasses() > 0 ? new int[n] : null;
        float[] targets = d.numClasses() > 0 ? null : new float[n];
        switch (kind) {
            case MULTICLASS -> {
                float[][] w = gaussian(random, width, d.numClasses());
                for (int i = 0; i < n; i++) {
                    float[] row = new float[width];
                    for (int j = 0; j < width; j++) {
                        row[j] = random.nextFloat();
                        x[i * width + j] = row[j];
                        row[j] -= 0.5f;
                    }
                    labels[i] = argmaxOfProduct(row, w);
                }
            }
            case LINEAR -> {
                for (int i = 0; i < n; i++) {
                    float v = random.nextFloat() * 2 - 1;
                    x[i] = v;
                    targets[i] = 5 * v + 10 + (float) (random.nextGaussian() * 0.5);
                }
            }
            case LOGISTIC -> {
                float[] w = new float[width];
                for (int j = 0; j < width; j++) {
                    w[j] = (float) random.nextGaussian();
                }
                for (int i = 0; i < n; i++) {
                    double z = 0;
                    for (int j = 0; j < width; j++) {
                        x[i * width + j] = (float) random.nextGaussian();
                        z += x[i * width + j] * w[j];
                    }
                    double p = 1 / (1 + Math.exp(-3 * z / Math.sqrt(width)));
                    labels[i] = random.nextDouble() < p ? 1 : 0;
                }
            }
            case SEQUENCES -> {
                int steps = shape[0];
                int features = shape[1];
                float[][] w = gaussian(random, features, d.numClasses());
                for (int i = 0; i < n; i++) {
                    float[] mean = new float[features];
                    for (int t = 0; t < steps; t++) {
                        for (int f = 0; f < features; f++) {
                            float v = random.nextFloat();
                            x[i * width + t * features + f] = v;
                            mean[f] += v / steps;
                        }
                    }
                    for (int f = 0; f < features; f++) {
                        mean[f] -= 0.5f;
                    }
                    labels[i] = argmaxOfProduct(mean, w);
                }
            }
        }
        return new RawDataset(d, slice(x, labels, targets, shape, width, 0, d.trainCount()),
                slice(x, labels, targets, shape, width, d.trainCount(), n), List.of());
    }

    private static float[][] gaussian(Random random, int rows, int cols) {
        float[][] w = new float[rows][cols];
        for (float[] row : w) {
            for (int c = 0; c < cols; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return w;
    }

    private static int argmaxOfProduct(float[] v, float[][] w) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w[0].length; c++) {
            double score = 0;
            for (int j = 0; j < v.length; j++) {
                score += v[j] * w[j][c];
            }
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static DenseSplit slice(float[] x, int[] labels, float[] targets, int[] shape, int width, int from, int to) {
        float[] xs = java.util.Arrays.copyOfRange(x, from * width, to * width);
        return new DenseSplit(xs, shape,
                labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to),
                targets == null ? null : java.util.Arrays.copyOfRange(targets, from, to));
    }
}
