package org.neuralcanvas.dataset.source;

import org.neuralcanvas.dataset.Shuffle;

/**
 * The fixed train/test split of datasets that ship without one (Boston housing, Reuters and the
 * scikit-learn tables), as Keras makes it: shuffle with seed 113, the first
 * {@code floor(n * (1 - testFraction))} examples train, the rest test. The permutation is
 * java.util.Random's, not NumPy's, so the same counts but not the same examples as Keras.
 */
public final class Holdout {

    public static final long SEED = 113;
    static final double TEST_FRACTION = 0.2;

    private Holdout() {
    }

    /** A seeded permutation of 0..n-1. */
    public static int[] permutation(int n, long seed) {
        return Shuffle.permutation(n, seed);
    }

    public static int trainCount(int n) {
        return (int) Math.floor(n * (1 - TEST_FRACTION));
    }
}
