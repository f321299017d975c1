package org.neuralcanvas.engine.baseline;

/** The classifier that always answers the training set's most frequent class: what any model must beat. */
public final class MajorityClass {

    private MajorityClass() {
    }

    /** The most frequent class (the lowest index among ties). */
    public static int of(int[] classes, int numClasses) {
        int[] counts = new int[Math.max(1, numClasses)];
        for (int c : classes) {
            counts[c]++;
        }
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The share of {@code classes} equal to {@code majority}. */
    public static double accuracy(int majority, int[] classes) {
        if (classes.length == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int c : classes) {
            right += c == majority ? 1 : 0;
        }
        return right / (double) classes.length;
    }
}
