package org.neuralcanvas.engine.baseline;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Ordinary least squares with an intercept: the coefficients β minimising |[X 1]β − y|², the normal
 * equation's solution, found by a QR factorisation of [X 1] (R β = Qᵀ y, one triangular solve) in double
 * precision. Never the explicit inverse of XᵀX: QR keeps the condition number of X, the inverse squares it.
 *
 * <p>A rank-deficient X (a constant column, one-hot groups that add up to the intercept) has no single
 * solution; then the factorisation is of [X 1] stacked on √λ·I with a tiny λ, which picks the smallest
 * coefficients among the near-minimisers instead of dividing by a zero on R's diagonal.
 */
public final class LeastSquares {

    /** |R_ii| below this share of the largest counts as zero: the columns are dependent. */
    private static final double RANK_TOLERANCE = 1e-9;

    private final double[] weights;
    private final double intercept;

    private LeastSquares(double[] weights, double intercept) {
        this.weights = weights;
        this.intercept = intercept;
    }

    /**
     * @param x features, one row per example ([n, p], any floating type)
     * @param y targets, [n] or [n, 1]
     */
    public static LeastSquares fit(INDArray x, INDArray y) {
        long n = x.rows();
        long p = x.columns();
        if (n == 0 || y.length() != n) {
            throw new IllegalArgumentException("least squares needs one target per row, got " + y.length() + " for " + n);
        }
        INDArray a = Nd4j.hstack(x.castTo(DataType.DOUBLE), Nd4j.ones(DataType.DOUBLE, n, 1));
        INDArray b = y.castTo(DataType.DOUBLE).reshape(n, 1);
        INDArray beta = solve(a, b);
        if (beta == null) {
            double lambda = 1e-10 * Math.max(1e-30, a.norm2Number().doubleValue() * a.norm2Number().doubleValue() / (p + 1));
            INDArray ridge = Nd4j.eye(p + 1).castTo(DataType.DOUBLE).muli(Math.sqrt(lambda));
            beta = solve(Nd4j.vstack(a, ridge), Nd4j.vstack(b, Nd4j.zeros(DataType.DOUBLE, p + 1, 1)));
            if (beta == null) {
                throw new IllegalStateException("least squares found no solution");
            }
        }
        double[] all = beta.reshape(p + 1).toDoubleVector();
        double[] w = new double[(int) p];
        System.arraycopy(all, 0, w, 0, (int) p);
        return new LeastSquares(w, all[(int) p]);
    }

    /** R β = Qᵀ b for a = QR, or null when R has a (near) zero on its diagonal. */
    private static INDArray solve(INDArray a, INDArray b) {
        if (a.rows() < a.columns()) {
            return null; // fewer examples than coefficients: underdetermined, the ridge decides
        }
        INDArray[] qr = Nd4j.linalg().qr(a, false);
        INDArray q = qr[0];
        INDArray r = qr[1];
        long k = r.columns();
        double largest = 0;
        double smallest = Double.MAX_VALUE;
        for (int i = 0; i < k; i++) {
            double d = Math.abs(r.getDouble(i, i));
            largest = Math.max(largest, d);
            smallest = Math.min(smallest, d);
        }
        if (!(smallest > RANK_TOLERANCE * largest)) {
            return null;
        }
        INDArray qtb = q.transpose().mmul(b);
        INDArray square = r.get(NDArrayIndex.interval(0, k), NDArrayIndex.all()).dup();
        return Nd4j.linalg().triangularSolve(square, qtb.get(NDArrayIndex.interval(0, k), NDArrayIndex.all()).dup(),
                false, false);
    }

    /** The coefficient of each feature column. */
    public double[] weights() {
        return weights.clone();
    }

    public double intercept() {
        return intercept;
    }

    /** [X 1] β for each row of x ([n, p]). */
    public double[] predict(INDArray x) {
        INDArray w = Nd4j.createFromArray(weights).reshape(weights.length, 1);
        INDArray out = x.castTo(DataType.DOUBLE).mmul(w).addi(intercept);
        return out.reshape(x.rows()).toDoubleVector();
    }
}
