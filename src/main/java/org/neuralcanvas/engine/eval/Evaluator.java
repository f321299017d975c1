package org.neuralcanvas.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.TrainedModel;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Keras's {@code model.evaluate}: loss and metrics on a test set, plus per-class or regression scores. */
public final class Evaluator {

    private Evaluator() {
    }

    public static EvaluationReport evaluate(TrainedModel model, DataSetIterator test) {
        ComputationGraph net = model.network();
        DataDescriptor d = model.descriptor();
        if (test.resetSupported()) {
            test.reset();
        }
        int classes = Math.max(2, d.numClasses());
        Evaluation classification = d.isClassifier() ? new Evaluation(classes) : null;
        RegressionEvaluation regression = d.isClassifier() ? null : new RegressionEvaluation();
        double lossSum = 0;
        long seen = 0;
        while (test.hasNext()) {
            DataSet batch = test.next();
            long n = batch.getFeatures().size(0);
            lossSum += net.score(batch, false) * n;
            seen += n;
            INDArray out = net.output(false, batch.getFeatures())[0];
            INDArray labels = batch.getLabels();
            if (classification != null) {
                evalClasses(classification, labels, out);
            } else {
                regression.eval(rows(labels), rows(out));
            }
        }
        if (seen == 0) {
            throw new IllegalArgumentException("The test set has no samples.");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        EvaluationReport.Classification c = null;
        EvaluationReport.Regression r = null;
        List<String> wanted = model.compiled().settings().metrics();
        if (classification != null) {
            c = classificationOf(classification, d, classes);
            if (wanted.contains("accuracy")) {
                metrics.put("accuracy", c.accuracy());
            }
        } else {
            r = new EvaluationReport.Regression(regression.averageMeanAbsoluteError(),
                    regression.averageMeanSquaredError(), regression.averageRSquared());
            if (wanted.contains("mae")) {
                metrics.put("mae", r.mae());
            }
            if (wanted.contains("mse")) {
                metrics.put("mse", r.mse());
            }
        }
        return new EvaluationReport(seen, lossSum / seen, metrics, c, r);
    }

    /**
     * One row per sample, as RegressionEvaluation scores columns: an autoencoder's image outputs [n, h, w, c] become
     * [n, h·w·c] (its own reshaping of 4-D arrays takes them as channels-first).
     */
    private static INDArray rows(INDArray a) {
        INDArray f = a.castTo(DataType.FLOAT);
        return f.rank() == 2 ? f : f.reshape('c', f.size(0), f.length() / f.size(0));
    }

    /** One sigmoid output is a yes/no classifier: turn it and its labels into two one-hot columns. */
    private static void evalClasses(Evaluation e, INDArray labels, INDArray out) {
        if (out.size(1) == 1) {
            INDArray p = out.castTo(DataType.FLOAT);
            INDArray l = labels.castTo(DataType.FLOAT).gt(0.5).castTo(DataType.FLOAT);
            e.eval(org.nd4j.linalg.factory.Nd4j.hstack(l.rsub(1.0), l), org.nd4j.linalg.factory.Nd4j.hstack(p.rsub(1.0), p));
        } else if (labels.size(1) == 1) {
            // Class indices (sparse_categorical_crossentropy): one-hot them.
            INDArray oneHot = org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, out.size(0), out.size(1));
            for (long i = 0; i < labels.size(0); i++) {
                oneHot.putScalar(i, labels.getLong(i, 0), 1.0);
            }
            e.eval(oneHot, out.castTo(DataType.FLOAT));
        } else {
            e.eval(labels.castTo(DataType.FLOAT), out.castTo(DataType.FLOAT));
        }
    }

    private static EvaluationReport.Classification classificationOf(Evaluation e, DataDescriptor d, int classes) {
        long[][] confusion = new long[classes][classes];
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        List<String> names = new ArrayList<>();
        for (int a = 0; a < classes; a++) {
            names.add(d.className(a));
            for (int p = 0; p < classes; p++) {
                confusion[a][p] = e.getConfusion().getCount(a, p);
            }
            precision[a] = e.precision(a);
            recall[a] = e.recall(a);
            f1[a] = e.f1(a);
        }
        return new EvaluationReport.Classification(names, e.accuracy(), confusion, precision, recall, f1);
    }
}
