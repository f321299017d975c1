package org.neuralcanvas.engine.stats;

/**
 * Counts of values in equal-width bins from {@code min} to {@code max}, as NumPy's {@code np.histogram(values,
 * bins)}: every bin is half-open but the last, which holds {@code max}; all values equal gives the range
 * {@code value ± 0.5}; values that are not numbers are left out. Small and immutable: what the window draws.
 */
public record Histogram(double min, double max, long[] counts) {

    public Histogram {
        counts = counts.clone();
    }

    public static Histogram of(float[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        long[] counts = new long[bins];
        if (lo > hi) {
            return new Histogram(0, 1, counts); // no number at all
        }
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        // The edges in single precision, as NumPy makes them for float32 values (lo + i * step): a value on an edge
        // then falls in the same bin as NumPy puts it.
        float[] edges = floatEdges((float) lo, (float) hi, bins);
        double width = (hi - lo) / bins;
        for (float v : values) {
            if (Float.isFinite(v)) {
                int b = Math.min(bins - 1, Math.max(0, (int) ((v - lo) / width)));
                while (b > 0 && v < edges[b]) {
                    b--;
                }
                while (b < bins - 1 && v >= edges[b + 1]) {
                    b++;
                }
                counts[b]++;
            }
        }
        return new Histogram(lo, hi, counts);
    }

    private static float[] floatEdges(float lo, float hi, int bins) {
        float step = (hi - lo) / bins;
        float[] e = new float[bins + 1];
        for (int i = 0; i < bins; i++) {
            e[i] = lo + i * step;
        }
        e[bins] = hi;
        return e;
    }

    /** The bin edges, {@code bins + 1} of them. */
    public double[] edges() {
        double[] e = new double[counts.length + 1];
        for (int i = 0; i <= counts.length; i++) {
            e[i] = min + (max - min) * i / counts.length;
        }
        e[counts.length] = max;
        return e;
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && h.min == min && h.max == max && java.util.Arrays.equals(h.counts, counts);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(min, max, java.util.Arrays.hashCode(counts));
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }
}
