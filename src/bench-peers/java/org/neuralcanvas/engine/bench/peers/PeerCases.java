package org.neuralcanvas.engine.bench.peers;

import java.util.Arrays;
import java.util.Random;
import org.neuralcanvas.dataset.DatasetException;
import org.nd4j.linalg.dataset.DataSet;

/** The three Keras tutorial models and their data, made once per run. */
final class PeerCases {

    static final int MNIST_PIXELS = 784;
    static final int CLASSES = 10;
    static final int LSTM_STEPS = 8;
    static final int LSTM_FEATURES = 16;
    private static final long SEED = 42;

    private float[] mnistX;
    private float[] mnistY;
    private int mnistSamples;
    private String mnistNote;

    /** Keras's mnist_mlp on the whole training set: one pass is the tutorial's epoch (469 steps). */
    PeerCase mlp() {
        loadMnist();
        return new PeerCase("mlp", "mnist_mlp", 128, mnistSamples, mnistX, new long[] {MNIST_PIXELS},
                new long[] {MNIST_PIXELS}, mnistY, CLASSES, mnistNote);
    }

    /** Keras's mnist_cnn on the first {@code steps} batches: a whole epoch of it takes minutes on two cores. */
    PeerCase cnn(int steps) {
        loadMnist();
        int batch = 128;
        int n = Math.min(mnistSamples, steps * batch);
        return new PeerCase("cnn", "mnist_cnn", batch, n, Arrays.copyOf(mnistX, n * MNIST_PIXELS),
                new long[] {28, 28, 1}, new long[] {1, 28, 28}, Arrays.copyOf(mnistY, n * CLASSES), CLASSES,
                mnistNote + ", first " + n);
    }

    /**
     * The stacked-LSTM template on seeded random sequences. The label is the class whose feature
     * sums highest over the steps, so the loss has something to learn, though only speed is read.
     */
    PeerCase lstm(int steps) {
        int batch = 64;
        int n = steps * batch;
        Random r = new Random(SEED);
        float[] x = new float[n * LSTM_STEPS * LSTM_FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        float[] y = new float[n * CLASSES];
        for (int s = 0; s < n; s++) {
            int best = 0;
            double bestSum = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                double sum = 0;
                for (int t = 0; t < LSTM_STEPS; t++) {
                    sum += x[(s * LSTM_STEPS + t) * LSTM_FEATURES + c];
                }
                if (sum > bestSum) {
                    bestSum = sum;
                    best = c;
                }
            }
            y[s * CLASSES + best] = 1f;
        }
        return new PeerCase("lstm", "lstm_sequences", batch, n, x, new long[] {LSTM_STEPS, LSTM_FEATURES},
                new long[] {LSTM_STEPS, LSTM_FEATURES}, y, CLASSES,
                "synthetic sequences, " + n + " x " + LSTM_STEPS + " x " + LSTM_FEATURES + ", seed " + SEED);
    }

    /**
     * Real MNIST as the app prepares it (pixels scaled to [0, 1], one-hot labels), read once for
     * both MNIST models; random numbers of its shape when the dataset cache is empty, said so in
     * the header: the step time does not depend on the values, but the reader should know.
     */
    private void loadMnist() {
        if (mnistX != null) {
            return;
        }
        try {
            DataSet train = org.neuralcanvas.engine.bench.BenchRuns.mnistTrainingSet();
            mnistX = train.getFeatures().ravel().toFloatVector();
            mnistY = train.getLabels().ravel().toFloatVector();
            mnistSamples = train.numExamples();
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : mnistX) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            mnistNote = String.format(java.util.Locale.ROOT, "MNIST training set from the dataset cache (%d x %d, "
                    + "pixels %.1f..%.1f)", mnistSamples, MNIST_PIXELS, lo, hi);
        } catch (DatasetException | RuntimeException e) {
            mnistSamples = 60_000;
            Random r = new Random(SEED);
            mnistX = new float[mnistSamples * MNIST_PIXELS];
            for (int i = 0; i < mnistX.length; i++) {
                mnistX[i] = r.nextFloat();
            }
            mnistY = new float[mnistSamples * CLASSES];
            for (int s = 0; s < mnistSamples; s++) {
                mnistY[s * CLASSES + r.nextInt(CLASSES)] = 1f;
            }
            mnistNote = "RANDOM numbers of MNIST's shape (MNIST is not in the dataset cache: " + e.getMessage() + ")";
        }
    }
}
