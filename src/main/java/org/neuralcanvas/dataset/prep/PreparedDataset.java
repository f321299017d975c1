package org.neuralcanvas.dataset.prep;

import java.util.List;
import java.util.Optional;

import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.FeatureLayout;

/**
 * A dataset ready to train on: training, optional validation and test examples after the
 * chosen preprocessing, with what the engine needs to check a graph against it.
 *
 * @param descriptor      which dataset
 * @param options         the preprocessing that made it
 * @param train           examples to train on (without the validation tail, if one was split off)
 * @param validation      validation examples, empty when the options ask for none
 * @param test            the test split
 * @param standardisation the training mean and deviation applied, empty when not standardised
 * @param vocabulary      for text, words by frequency rank (word index 3 first); else empty
 */
public record PreparedDataset(
        DatasetDescriptor descriptor,
        PreprocessingOptions options,
        ExampleSet train,
        Optional<ExampleSet> validation,
        ExampleSet test,
        Optional<Standardisation> standardisation,
        List<String> vocabulary) {

    /**
     * A sentence of the user's encoded as this dataset's examples are (the playground types one): Keras Tokenizer's
     * words, each word's index by its rank in the training texts (unseen or beyond {@code num_words}: OOV), after the
     * start mark; a multi-hot row or a sequence padded and cut at the front, per the layout. Empty for a dataset that
     * is not text.
     */
    public float[] encodeText(String sentence) {
        return encodeText(sentence, wordRanks());
    }

    /** Each vocabulary word's rank (its most frequent spelling first): build once, encode many sentences with it. */
    public java.util.Map<String, Integer> wordRanks() {
        java.util.Map<String, Integer> rank = new java.util.HashMap<>(vocabulary.size() * 2);
        for (int r = 0; r < vocabulary.size(); r++) {
            rank.putIfAbsent(vocabulary.get(r), r);
        }
        return rank;
    }

    /** {@link #encodeText(String)} with the ranks {@link #wordRanks()} made. */
    public float[] encodeText(String sentence, java.util.Map<String, Integer> rank) {
        if (vocabulary.isEmpty()) {
            return new float[0];
        }
        int words = options.vocabularySize();
        List<String> tokens = org.neuralcanvas.dataset.source.TextEncoder.tokens(sentence);
        int[] seq = new int[tokens.size() + 1];
        seq[0] = org.neuralcanvas.dataset.SequenceSplit.START;
        for (int i = 0; i < tokens.size(); i++) {
            Integer r = rank.get(tokens.get(i));
            int index = r == null ? org.neuralcanvas.dataset.SequenceSplit.OOV
                    : r + org.neuralcanvas.dataset.SequenceSplit.INDEX_FROM;
            seq[i + 1] = index < words ? index : org.neuralcanvas.dataset.SequenceSplit.OOV;
        }
        if (options.layout() == FeatureLayout.MULTI_HOT) {
            float[] row = new float[words];
            for (int index : seq) {
                row[index] = 1f;
            }
            return row;
        }
        int length = options.sequenceLength();
        float[] x = new float[length];
        int keep = Math.min(seq.length, length); // Keras pad_sequences: padding and truncating 'pre'
        for (int j = 0; j < keep; j++) {
            x[length - keep + j] = seq[seq.length - keep + j];
        }
        return x;
    }

    /**
     * A text example's words, decoded as Keras's tutorials do with {@code get_word_index()}: padding and the start
     * mark left out, {@code ?} for a word outside the vocabulary, at most {@code maxWords} words (then {@code …}).
     * Empty for a dataset that is not text.
     */
    public String text(int[] wordIndices, int maxWords) {
        if (vocabulary.isEmpty() || wordIndices == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int words = 0;
        for (int index : wordIndices) {
            if (words == maxWords) {
                return sb.append(" …").toString();
            }
            if (index == org.neuralcanvas.dataset.SequenceSplit.PAD || index == org.neuralcanvas.dataset.SequenceSplit.START) {
                continue;
            }
            int rank = index - org.neuralcanvas.dataset.SequenceSplit.INDEX_FROM;
            sb.append(sb.length() == 0 ? "" : " ").append(rank >= 0 && rank < vocabulary.size() ? vocabulary.get(rank) : "?");
            words++;
        }
        return sb.toString();
    }

    /**
     * Test example {@code i}'s first {@code maxWords} words (see {@link #text}); {@code features} is its row, for the
     * layouts that hold them.
     */
    public String testText(int i, float[] features, int maxWords) {
        if (vocabulary.isEmpty()) {
            return "";
        }
        int[] indices = test.wordIndices(i);
        if (indices == null && layout() == FeatureLayout.TOKEN_INDICES) {
            indices = new int[features.length];
            for (int j = 0; j < features.length; j++) {
                indices[j] = Math.round(features[j]);
            }
        }
        return text(indices, maxWords);
    }

    /** The feature layout in use. */
    public FeatureLayout layout() {
        return options.layout();
    }

    /** One example's feature shape in use, Keras order, no batch dimension, e.g. {28, 28, 1}. */
    public int[] inputShape() {
        return train.exampleShape();
    }

    /** Columns of the labels: classes when one-hot, 1 for integer labels and regression. */
    public int outputWidth() {
        return train.labelWidth();
    }

    /** Training minibatches, shuffled every epoch with the options' seed. */
    public DataSetIterator trainIterator(int batchSize) {
        return train.shuffledIterator(batchSize, options.seed());
    }

    /** Validation minibatches in order, or empty. */
    public Optional<DataSetIterator> validationIterator(int batchSize) {
        return validation.map(v -> v.iterator(batchSize));
    }

    /** Test minibatches in order. */
    public DataSetIterator testIterator(int batchSize) {
        return test.iterator(batchSize);
    }

    /** K-fold partitions of the training examples, dealt with the options' seed. */
    public List<Fold> kFolds(int k) {
        return train.kFolds(k, options.seed());
    }

    /**
     * Per-feature mean and standard deviation of the training rows, applied to every split.
     *
     * @param mean one value per feature column
     * @param std  one value per feature column (a zero deviation is stored as 1)
     */
    public record Standardisation(float[] mean, float[] std) {
    }
}
