package org.neuralcanvas.engine.train;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Running sums of Keras's metrics (accuracy, mae, mse) over batches. Accuracy reads labels as
 * one-hot, as class indices (one column against several outputs: sparse), or as 0/1 against one
 * sigmoid output, as Keras's {@code accuracy} does. A few native calls per batch.
 */
final class MetricSums {

    private final boolean accuracy;
    private final boolean mae;
    private final boolean mse;
    private double correct;
    private double rows;
    private double absError;
    private double sqError;
    private double values;

    MetricSums(List<String> metrics) {
        this.accuracy = metrics.contains("accuracy") || metrics.contains("acc");
        this.mae = metrics.contains("mae");
        this.mse = metrics.contains("mse");
    }

    boolean any() {
        return accuracy || mae || mse;
    }

    void reset() {
        correct = rows = absError = sqError = values = 0;
    }

    /** Adds one batch: outputs and labels of shape [batch, ...]. */
    void add(INDArray output, INDArray labels) {
        INDArray out = flat(output);
        INDArray lab = flat(labels);
        long n = out.size(0);
        boolean sparse = lab.size(1) == 1 && out.size(1) > 1;
        if (accuracy) {
            INDArray hits;
            if (sparse) {
                hits = Nd4j.argMax(out, 1).castTo(DataType.FLOAT).reshape(n).eq(lab.castTo(DataType.FLOAT).reshape(n));
            } else if (out.size(1) == 1) {
                hits = out.gt(0.5).eq(lab.gt(0.5));
            } else {
                hits = Nd4j.argMax(out, 1).eq(Nd4j.argMax(lab, 1));
            }
            correct += hits.castTo(DataType.FLOAT).sumNumber().doubleValue();
            rows += n;
        }
        if ((mae || mse) && !sparse) {
            INDArray diff = out.castTo(DataType.FLOAT).sub(lab.castTo(DataType.FLOAT));
            if (mae) {
                absError += Nd4j.math().abs(diff).sumNumber().doubleValue();
            }
            if (mse) {
                sqError += diff.mul(diff).sumNumber().doubleValue();
            }
            values += diff.length();
        }
    }

    /** Puts the means into {@code into}, each key with {@code prefix} (empty or {@code val_}). */
    void putMeans(String prefix, Map<String, Double> into) {
        if (accuracy && rows > 0) {
            into.put(prefix + "accuracy", correct / rows);
        }
        if (mae && values > 0) {
            into.put(prefix + "mae", absError / values);
        }
        if (mse && values > 0) {
            into.put(prefix + "mse", sqError / values);
        }
    }

    /** Sequences and images are scored per position: [batch, ..., last] → [batch * ..., last]. */
    private static INDArray flat(INDArray a) {
        if (a.rank() == 2) {
            return a;
        }
        long last = a.size(a.rank() - 1);
        return a.reshape('c', a.length() / last, last);
    }
}
