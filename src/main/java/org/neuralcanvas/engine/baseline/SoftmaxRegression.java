package org.neuralcanvas.engine.baseline;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multinomial logistic regression (softmax regression): p(class | x) = softmax(xW + b), fitted by
 * full-batch gradient descent with Adam on the mean cross-entropy plus a small L2 penalty. Starting from
 * zero weights on a convex loss, every fit of the same data gives the same model: no seed is needed.
 * Two classes make it the ordinary logistic regression.
 */
public final class SoftmaxRegression {

    /** Full-batch steps: enough for the tables and images the app ships to settle (iris: about 0.97 test accuracy). */
    static final int STEPS = 300;
    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 1e-4;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final INDArray w;
    private final INDArray b;

    private SoftmaxRegression(INDArray w, INDArray b) {
        this.w = w;
        this.b = b;
    }

    /**
     * @param x       features, [n, p]
     * @param classes the class of each row, 0..numClasses−1
     */
    public static SoftmaxRegression fit(INDArray x, int[] classes, int numClasses) {
        long n = x.rows();
        long p = x.columns();
        INDArray features = x.castTo(DataType.FLOAT);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, numClasses);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, classes[i], 1f);
        }
        INDArray w = Nd4j.zeros(DataType.FLOAT, p, numClasses);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 1, numClasses);
        INDArray mw = w.like();
        INDArray vw = w.like();
        INDArray mb = b.like();
        INDArray vb = b.like();
        for (int t = 1; t <= STEPS; t++) {
            INDArray error = probabilities(features, w, b).subi(y).divi(n);
            INDArray gw = features.transpose().mmul(error).addi(w.mul(L2));
            INDArray gb = error.sum(true, 0);
            adam(w, gw, mw, vw, t);
            adam(b, gb, mb, vb, t);
        }
        return new SoftmaxRegression(w, b);
    }

    private static void adam(INDArray param, INDArray grad, INDArray m, INDArray v, int t) {
        m.muli(BETA1).addi(grad.mul(1 - BETA1));
        v.muli(BETA2).addi(grad.mul(grad).muli(1 - BETA2));
        double step = LEARNING_RATE * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
        param.subi(m.div(Transforms.sqrt(v, true).addi(EPSILON)).muli(step));
    }

    private static INDArray probabilities(INDArray x, INDArray w, INDArray b) {
        INDArray logits = x.mmul(w).addiRowVector(b);
        logits.subiColumnVector(logits.max(1).reshape(logits.rows(), 1)); // no overflow in exp
        INDArray e = Transforms.exp(logits, false);
        return e.diviColumnVector(e.sum(1).reshape(e.rows(), 1));
    }

    /** The most likely class of each row of x. */
    public int[] predict(INDArray x) {
        INDArray logits = x.castTo(DataType.FLOAT).mmul(w).addiRowVector(b);
        return logits.argMax(1).toIntVector();
    }
}
