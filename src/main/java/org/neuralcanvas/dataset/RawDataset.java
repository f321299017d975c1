package org.neuralcanvas.dataset;

import java.util.List;

/**
 * A dataset as loaded: the train and test splits and, for text, the vocabulary that maps word
 * indices back to words (so a prediction can show the review it was made on).
 *
 * @param descriptor what it is
 * @param train      training split
 * @param test       test split
 * @param vocabulary words by frequency rank (index 0 is rank 1, i.e. word index 3); empty when not text
 * @param oneHotColumns feature columns that are one-hot codes of a category: standardising leaves them 0/1
 */
public record RawDataset(DatasetDescriptor descriptor, RawSplit train, RawSplit test, List<String> vocabulary,
                         int[] oneHotColumns) {

    public RawDataset {
        vocabulary = List.copyOf(vocabulary);
        oneHotColumns = oneHotColumns == null ? new int[0] : oneHotColumns.clone();
    }

    public RawDataset(DatasetDescriptor descriptor, RawSplit train, RawSplit test, List<String> vocabulary) {
        this(descriptor, train, test, vocabulary, null);
    }

    /** The word for a word index, or a marker for padding, start and out-of-vocabulary. */
    public String word(int index) {
        return switch (index) {
            case SequenceSplit.PAD -> "<pad>";
            case SequenceSplit.START -> "<start>";
            case SequenceSplit.OOV -> "<oov>";
            default -> index - SequenceSplit.INDEX_FROM < vocabulary.size()
                    ? vocabulary.get(index - SequenceSplit.INDEX_FROM) : "<oov>";
        };
    }
}
