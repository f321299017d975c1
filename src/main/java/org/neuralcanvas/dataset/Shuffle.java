package org.neuralcanvas.dataset;

import java.util.Random;

/** Seeded Fisher-Yates shuffles: one place for the repeatable orders that splits, folds and epochs use. */
public final class Shuffle {

    private Shuffle() {
    }

    /** Shuffles the array in place with the given generator. */
    public static void inPlace(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** 0..n-1 in an order fixed by the seed. */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        inPlace(order, new Random(seed));
        return order;
    }
}
