package org.neuralcanvas.dataset.source;

import java.util.Random;

/**
 * The fixed train/test split of datasets that ship without one (Boston housing, Reuters and the
 * scikit-learn tables), as Keras makes it: shuffle with seed 113, the first
 * {@code floor(n * (1 - testFraction))} examples train, the rest test. The permutation is
 * java.util.Random's, not NumPy's, so the same counts but not the same examples as Keras.
 */
final class Holdout {

    static final long SEED = 113;
    static final double TEST_FRACTION = 0.2;

    private Holdout() {
    }

    /** A seeded permutation of 0..n-1 (Fisher-Yates). */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static int trainCount(int n) {
        return (int) Math.floor(n * (1 - TEST_FRACTION));
    }
}
