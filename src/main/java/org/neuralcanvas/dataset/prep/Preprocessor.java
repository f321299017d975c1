package org.neuralcanvas.dataset.prep;

import java.util.List;
import java.util.Optional;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.RawSplit;
import org.neuralcanvas.dataset.SequenceSplit;
import org.neuralcanvas.dataset.TaskKind;

/**
 * Turns a loaded dataset into a {@link PreparedDataset} with the user's options. Numeric
 * features are copied into ND4J once, then scaled and standardised in place there.
 */
public final class Preprocessor {

    public PreparedDataset prepare(RawDataset raw, PreprocessingOptions o) throws DatasetException {
        DatasetDescriptor d = raw.descriptor();
        FeatureLayout layout = o.layout() != null ? o.layout() : d.defaultLayout();
        PreprocessingOptions options = o.withLayout(layout);
        check(d, options);

        List<String> labelNames = labelNames(d, options);
        int nTrain = raw.train().count();
        int trainEnd = nTrain;
        if (options.validation() == ValidationMode.FROM_END_OF_TRAINING) {
            trainEnd = (int) Math.floor(nTrain * (1 - options.validationFraction())); // Keras's split_at
            if (trainEnd < 1 || trainEnd == nTrain) {
                invalid("A validation split of " + options.validationFraction() + " leaves " + trainEnd + " of "
                        + d.displayName() + "'s " + nTrain + " training examples to train on"
                        + (trainEnd < 1 ? "" : " and none to validate") + "; choose a fraction that keeps both.");
            }
        }

        BatchSource trainSource;
        BatchSource testSource;
        Optional<PreparedDataset.Standardisation> standardisation = Optional.empty();
        if (raw.train() instanceof SequenceSplit trainText) {
            SequenceSplit testText = (SequenceSplit) raw.test();
            trainSource = textSource(trainText, labels(d, options, trainText), options);
            testSource = textSource(testText, labels(d, options, testText), options);
        } else {
            DenseSplit train = (DenseSplit) raw.train();
            DenseSplit test = (DenseSplit) raw.test();
            INDArray xTrain = features(train);
            INDArray xTest = features(test);
            if (options.scalePixels()) {
                xTrain.divi(d.pixelMax());
                xTest.divi(d.pixelMax());
            }
            if (options.standardise()) {
                PreparedDataset.Standardisation s = standardise(xTrain, xTest, trainEnd, raw.oneHotColumns());
                standardisation = Optional.of(s);
            }
            int[] shape = d.shape(layout);
            boolean inputs = options.labels() == LabelEncoding.INPUTS;
            trainSource = new DenseSource(xTrain, inputs ? xTrain : labels(d, options, train), shape);
            testSource = new DenseSource(xTest, inputs ? xTest : labels(d, options, test), shape);
        }

        ExampleSet test = new ExampleSet(testSource, labelNames, 0, testSource.size());
        ExampleSet trainSet = new ExampleSet(trainSource, labelNames, 0, trainEnd);
        Optional<ExampleSet> validation = switch (options.validation()) {
            case NONE -> Optional.empty();
            case FROM_END_OF_TRAINING -> Optional.of(new ExampleSet(trainSource, labelNames, trainEnd, nTrain));
            case TEST_SET -> Optional.of(test);
        };
        return new PreparedDataset(d, options, trainSet, validation, test, standardisation, raw.vocabulary());
    }

    private static void check(DatasetDescriptor d, PreprocessingOptions o) throws DatasetException {
        if (!d.offers(o.layout())) {
            invalid(d.displayName() + " cannot be given as " + o.layout() + "; choose one of " + d.layouts().keySet() + ".");
        }
        if (o.scalePixels() && d.pixelMax() == 0) {
            invalid(d.displayName() + " has no pixels to scale; turn off \"scale pixels to [0, 1]\".");
        }
        if (o.standardise() && d.isText()) {
            invalid(d.displayName() + " is word indices, which cannot be standardised; turn off \"standardise\".");
        }
        if (o.validation() == ValidationMode.FROM_END_OF_TRAINING
                && !(o.validationFraction() > 0 && o.validationFraction() < 1)) {
            invalid("The validation split must be a fraction between 0 and 1, not " + o.validationFraction() + ".");
        }
        if (o.labels() == LabelEncoding.INPUTS && d.isText()) {
            invalid(d.displayName() + " is word indices; an autoencoder (target: inputs) needs pixel or table data.");
        }
        if (d.isText() && o.vocabularySize() < 3) {
            invalid("The vocabulary must keep at least 3 word indices (padding, start, unknown), not "
                    + o.vocabularySize() + ".");
        }
        if (d.isText() && o.layout() == FeatureLayout.TOKEN_INDICES && o.sequenceLength() < 1) {
            invalid("The sequence length must be at least 1, not " + o.sequenceLength() + ".");
        }
    }

    private static void invalid(String message) throws DatasetException {
        throw new DatasetException(DatasetException.Reason.INVALID_OPTIONS, message);
    }

    private static List<String> labelNames(DatasetDescriptor d, PreprocessingOptions o) {
        if (o.labels() == LabelEncoding.INPUTS) {
            return List.of();
        }
        if (d.task() == TaskKind.REGRESSION) {
            return List.of("target");
        }
        return d.classNames();
    }

    /** Features as a [n, width] float array: one copy from the Java array into ND4J. */
    private static INDArray features(DenseSplit split) {
        return Nd4j.create(split.features(), new long[] {split.count(), split.width()}, 'c');
    }

    private static INDArray labels(DatasetDescriptor d, PreprocessingOptions o, RawSplit split) {
        int n = split.count();
        if (d.task() == TaskKind.REGRESSION) {
            return Nd4j.create(split.targets(), new long[] {n, 1}, 'c');
        }
        int[] y = split.labels();
        if (o.labels() == LabelEncoding.INTEGER) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = y[i];
            }
            return Nd4j.create(v, new long[] {n, 1}, 'c');
        }
        int c = d.numClasses();
        float[] v = new float[n * c];
        for (int i = 0; i < n; i++) {
            v[i * c + y[i]] = 1f;
        }
        return Nd4j.create(v, new long[] {n, c}, 'c');
    }

    /**
     * Mean and deviation from training rows [0, fitRows) only, applied in place to both splits. One-hot columns keep
     * their 0/1 (mean 0, deviation 1): a category is present or not, and a scaled code would only blur that.
     */
    private static PreparedDataset.Standardisation standardise(INDArray xTrain, INDArray xTest, int fitRows,
                                                               int[] oneHotColumns) {
        INDArray fit = xTrain.get(NDArrayIndex.interval(0, fitRows), NDArrayIndex.all());
        float[] meanValues = fit.mean(0).castTo(DataType.FLOAT).toFloatVector();
        float[] std = fit.std(false, 0).castTo(DataType.FLOAT).toFloatVector();
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0)) {
                std[i] = 1f; // a constant column stays constant (0) instead of becoming NaN
            }
        }
        for (int c : oneHotColumns) {
            meanValues[c] = 0f;
            std[c] = 1f;
        }
        INDArray mean = Nd4j.createFromArray(meanValues);
        INDArray stdRow = Nd4j.createFromArray(std);
        xTrain.subiRowVector(mean).diviRowVector(stdRow);
        xTest.subiRowVector(mean).diviRowVector(stdRow);
        return new PreparedDataset.Standardisation(mean.toFloatVector(), std);
    }

    private static BatchSource textSource(SequenceSplit split, INDArray labels, PreprocessingOptions o) {
        int vocabulary = o.vocabularySize();
        int[][] cut = new int[split.count()][];
        for (int i = 0; i < cut.length; i++) {
            int[] s = split.sequences()[i];
            int[] c = new int[s.length];
            for (int j = 0; j < s.length; j++) {
                c[j] = s[j] < vocabulary ? s[j] : SequenceSplit.OOV; // Keras's num_words
            }
            cut[i] = c;
        }
        if (o.layout() == FeatureLayout.MULTI_HOT) {
            return new MultiHotSource(cut, labels, vocabulary);
        }
        int length = o.sequenceLength();
        float[] x = new float[cut.length * length];
        for (int i = 0; i < cut.length; i++) {
            int[] s = cut[i];
            // Keras pad_sequences defaults: padding='pre', truncating='pre' (keep the end of the text).
            int keep = Math.min(s.length, length);
            int srcStart = s.length - keep;
            int dstStart = i * length + (length - keep);
            for (int j = 0; j < keep; j++) {
                x[dstStart + j] = s[srcStart + j];
            }
        }
        INDArray features = Nd4j.create(x, new long[] {cut.length, length}, 'c');
        return new DenseSource(features, labels, new int[] {length});
    }
}
