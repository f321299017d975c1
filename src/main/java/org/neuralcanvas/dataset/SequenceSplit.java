package org.neuralcanvas.dataset;

/**
 * Text as word-index sequences, Keras conventions: 0 is padding, 1 marks the start of a text,
 * 2 is a word outside the kept vocabulary, and word of frequency rank r (1 = most frequent in
 * the training split) is {@code r + 2}. Sequences keep their full vocabulary here; cutting to
 * the top N words, padding and multi-hot encoding are preprocessing options.
 *
 * @param sequences one int sequence per text, of varying length
 * @param labels    class per text
 */
public record SequenceSplit(int[][] sequences, int[] labels) implements RawSplit {

    /** Padding index. */
    public static final int PAD = 0;
    /** Start-of-text marker. */
    public static final int START = 1;
    /** Out-of-vocabulary word. */
    public static final int OOV = 2;
    /** The index of the most frequent word; word of rank r is {@code INDEX_FROM + r - 1}. */
    public static final int INDEX_FROM = 3;

    public SequenceSplit {
        if (sequences.length != labels.length) {
            throw new IllegalArgumentException(sequences.length + " sequences but " + labels.length + " labels");
        }
    }

    @Override
    public int count() {
        return labels.length;
    }

    @Override
    public float[] targets() {
        return null;
    }
}
