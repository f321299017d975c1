package org.neuralcanvas.dataset.prep;

import org.neuralcanvas.dataset.DatasetCatalog;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.TaskKind;

/**
 * The preprocessing the user sees and chooses; immutable, changed with the {@code withX} methods.
 *
 * @param layout             feature layout, one the dataset offers (null: the dataset's default)
 * @param scalePixels        divide pixel values by their maximum, to [0, 1] (image datasets only)
 * @param labels             one-hot or integer class labels (ignored for regression)
 * @param vocabularySize     text: keep the most frequent words, as Keras's {@code num_words};
 *                           rarer words become index 2; also the width of multi-hot vectors
 * @param sequenceLength     text as word indices: pad with 0 or cut to this length, both at the
 *                           start as Keras's {@code pad_sequences} does by default
 * @param standardise        numeric features: subtract the training rows' mean and divide by their
 *                           standard deviation, column by column, for every split
 * @param validation         where validation data comes from
 * @param validationFraction for {@link ValidationMode#FROM_END_OF_TRAINING}: the fraction held out
 * @param seed               the run's seed: shuffling each epoch and K-fold assignment
 */
public record PreprocessingOptions(
        FeatureLayout layout,
        boolean scalePixels,
        LabelEncoding labels,
        int vocabularySize,
        int sequenceLength,
        boolean standardise,
        ValidationMode validation,
        double validationFraction,
        long seed) {

    /** Keras-tutorial defaults for a dataset: scale images, standardise tables, one-hot multiclass labels. */
    public static PreprocessingOptions defaultsFor(DatasetDescriptor d) {
        boolean table = !d.synthetic() && d.pixelMax() == 0 && !d.isText();
        return new PreprocessingOptions(d.defaultLayout(), d.pixelMax() > 0,
                d.task() == TaskKind.MULTICLASS ? LabelEncoding.ONE_HOT : LabelEncoding.INTEGER,
                DatasetCatalog.DEFAULT_VOCABULARY, DatasetCatalog.DEFAULT_SEQUENCE_LENGTH, table,
                ValidationMode.NONE, 0.2, 42L);
    }

    public PreprocessingOptions withLayout(FeatureLayout v) {
        return new PreprocessingOptions(v, scalePixels, labels, vocabularySize, sequenceLength, standardise,
                validation, validationFraction, seed);
    }

    public PreprocessingOptions withScalePixels(boolean v) {
        return new PreprocessingOptions(layout, v, labels, vocabularySize, sequenceLength, standardise,
                validation, validationFraction, seed);
    }

    public PreprocessingOptions withLabels(LabelEncoding v) {
        return new PreprocessingOptions(layout, scalePixels, v, vocabularySize, sequenceLength, standardise,
                validation, validationFraction, seed);
    }

    public PreprocessingOptions withVocabularySize(int v) {
        return new PreprocessingOptions(layout, scalePixels, labels, v, sequenceLength, standardise,
                validation, validationFraction, seed);
    }

    public PreprocessingOptions withSequenceLength(int v) {
        return new PreprocessingOptions(layout, scalePixels, labels, vocabularySize, v, standardise,
                validation, validationFraction, seed);
    }

    public PreprocessingOptions withStandardise(boolean v) {
        return new PreprocessingOptions(layout, scalePixels, labels, vocabularySize, sequenceLength, v,
                validation, validationFraction, seed);
    }

    /** Validation from the end of the training set, Keras's {@code validation_split=fraction}. */
    public PreprocessingOptions withValidationSplit(double fraction) {
        return new PreprocessingOptions(layout, scalePixels, labels, vocabularySize, sequenceLength, standardise,
                ValidationMode.FROM_END_OF_TRAINING, fraction, seed);
    }

    public PreprocessingOptions withValidation(ValidationMode v) {
        return new PreprocessingOptions(layout, scalePixels, labels, vocabularySize, sequenceLength, standardise,
                v, validationFraction, seed);
    }

    public PreprocessingOptions withSeed(long v) {
        return new PreprocessingOptions(layout, scalePixels, labels, vocabularySize, sequenceLength, standardise,
                validation, validationFraction, v);
    }
}
