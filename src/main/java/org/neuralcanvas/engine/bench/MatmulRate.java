package org.neuralcanvas.engine.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.neuralcanvas.engine.backend.BackendInfo;
import org.neuralcanvas.engine.backend.BackendSelection;
import org.neuralcanvas.engine.backend.Backends;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How fast this machine multiplies float32 matrices with ND4J: the ceiling for dense layers.
 * A benchmark, not a test. Other benchmarks call {@link #measureMatmulGflops()} in the same
 * run so their figures come with the machine's rate.
 *
 * <p>Run: {@code java -cp target/classes:$(cat cp.txt) org.neuralcanvas.engine.bench.MatmulRate
 * [size ...]}, with {@code -Dneuralcanvas.cpu.build=generic|avx2|avx512} to force a build
 * and {@code -Dneuralcanvas.openblas.coretype=...} to force OpenBLAS's kernels.
 */
public final class MatmulRate {

    /** One size measured. Rates count 2n³ floating-point operations per product. */
    public record Result(int size, int repetitions, double bestSeconds, double medianSeconds) {

        public double bestGflops() {
            return gflops(size, bestSeconds);
        }

        public double medianGflops() {
            return gflops(size, medianSeconds);
        }

        private static double gflops(int n, double seconds) {
            return 2.0 * n * n * n / seconds / 1e9;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "mmul %dx%d float32: best %.1f GFLOP/s (%.4f s), median %.1f GFLOP/s, %d runs",
                    size, size, bestGflops(), bestSeconds, medianGflops(), repetitions);
        }
    }

    /** The size {@link #measureMatmulGflops()} uses: large enough to keep every core busy. */
    public static final int DEFAULT_SIZE = 2048;

    private final int warmups;
    private final int repetitions;

    /** 3 warm-up products, best of 10. */
    public MatmulRate() {
        this(3, 10);
    }

    public MatmulRate(int warmups, int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1");
        }
        this.warmups = warmups;
        this.repetitions = repetitions;
    }

    /**
     * The best float32 rate of a 2048×2048 product, in GFLOP/s. Call
     * {@link Backends#ensureSelected()} before the first use of ND4J in the JVM.
     */
    public double measureMatmulGflops() {
        return measure(DEFAULT_SIZE).bestGflops();
    }

    /** Times {@code a.mmul(b)} of two random n×n float32 matrices into a preallocated result. */
    public Result measure(int n) {
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        for (int i = 0; i < warmups; i++) {
            a.mmuli(b, c);
        }
        double[] seconds = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            a.mmuli(b, c);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return new Result(n, repetitions, seconds[0], seconds[repetitions / 2]);
    }

    /**
     * The largest relative error of ND4J's float32 product against a double-precision
     * reference, over odd shapes and transposes that reach OpenBLAS's edge kernels. A
     * correct BLAS stays below 1e-5; a broken kernel is off by orders of magnitude.
     */
    public static double maxRelativeErrorAgainstReference() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {17, 33, 9}, {64, 784, 128}, {129, 257, 65}, {300, 200, 10}};
        Random random = new Random(42);
        double worst = 0;
        for (int[] s : shapes) {
            for (boolean transposeA : new boolean[] {false, true}) {
                float[][] a = randomMatrix(random, s[0], s[1]);
                float[][] b = randomMatrix(random, s[1], s[2]);
                INDArray na = transposeA
                        ? Nd4j.createFromArray(transpose(a)).transpose()
                        : Nd4j.createFromArray(a);
                float[][] got = na.mmul(Nd4j.createFromArray(b)).toFloatMatrix();
                double[][] want = reference(a, b);
                for (int i = 0; i < s[0]; i++) {
                    for (int j = 0; j < s[2]; j++) {
                        double scale = Math.max(1.0, Math.abs(want[i][j]));
                        worst = Math.max(worst, Math.abs(got[i][j] - want[i][j]) / scale);
                    }
                }
            }
        }
        return worst;
    }

    private static float[][] randomMatrix(Random random, int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextFloat() * 2 - 1;
            }
        }
        return m;
    }

    private static float[][] transpose(float[][] m) {
        float[][] t = new float[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static double[][] reference(float[][] a, float[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aip * b[p][j];
                }
            }
        }
        return c;
    }

    /** Prints the backend, a correctness check, then the rate for each size (default 1024 2048). */
    public static void main(String[] args) {
        Backends backends = new Backends();
        BackendSelection selection = backends.ensureSelected();
        BackendInfo info = backends.describe();
        System.out.println("backend: " + info.summary());
        System.out.println("native settings: " + info.nativeEnv()
                + "  (OPENBLAS_L2_SIZE=" + System.getenv("OPENBLAS_L2_SIZE") + ")");
        System.out.println("selection: " + selection.reason());
        if (info.hasNotice()) {
            System.out.println("notice: " + info.notice());
        }
        double error = maxRelativeErrorAgainstReference();
        System.out.printf(Locale.ROOT, "correctness: max relative error %.2e against a double reference: %s%n",
                error, error < 1e-4 ? "OK" : "WRONG RESULTS");

        int[] sizes = args.length == 0 ? new int[] {1024, 2048}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        MatmulRate rate = new MatmulRate();
        for (int n : sizes) {
            System.out.println(rate.measure(n));
        }
    }
}
