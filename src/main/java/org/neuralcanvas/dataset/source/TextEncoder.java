package org.neuralcanvas.dataset.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neuralcanvas.dataset.SequenceSplit;

/**
 * Turns texts into Keras-style word-index sequences: Keras's Tokenizer rules (lower case; the
 * characters {@code !"#$%&()*+,-./:;<=>?@[\]^_`{|}~} and whitespace separate words, apostrophes
 * stay), words ranked by frequency in the TRAINING texts only (ties alphabetical), word of rank
 * r encoded as {@code r + 2}, each sequence starting with 1, and test words unseen in training
 * encoded as 2 (out of vocabulary).
 *
 * <p>Each text is tokenised once: training words get a provisional number on first sight, and
 * once all are counted the provisional numbers are renumbered by rank.
 */
public final class TextEncoder {

    /**
     * Change this whenever the encoding rules or the loaders' splits change, so encodings stored by
     * older rules (see {@link EncodedTextCache}) are rebuilt rather than reused.
     */
    static final String RULES_VERSION = "keras-tokenizer-rank-by-train-1";

    private static final String FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Map<String, Integer> provisional = new HashMap<>();
    private final List<String> vocabulary;
    private final int[] indexOfProvisional;
    private final int[][] trainingSequences;

    /** Builds the vocabulary from the training texts and encodes them. */
    TextEncoder(List<String> trainingTexts) {
        List<String> words = new ArrayList<>();
        int[] counts = new int[1024];
        int[][] provisionalSequences = new int[trainingTexts.size()][];
        for (int t = 0; t < trainingTexts.size(); t++) {
            List<String> tokens = tokens(trainingTexts.get(t));
            int[] seq = new int[tokens.size()];
            for (int i = 0; i < seq.length; i++) {
                String w = tokens.get(i);
                Integer id = provisional.get(w);
                if (id == null) {
                    id = words.size();
                    provisional.put(w, id);
                    words.add(w);
                    if (id == counts.length) {
                        counts = Arrays.copyOf(counts, counts.length * 2);
                    }
                }
                counts[id]++;
                seq[i] = id;
            }
            provisionalSequences[t] = seq;
        }
        final int[] c = counts;
        Integer[] byRank = new Integer[words.size()];
        Arrays.setAll(byRank, i -> i);
        Arrays.sort(byRank, (a, b) -> c[a] != c[b] ? Integer.compare(c[b], c[a]) : words.get(a).compareTo(words.get(b)));
        indexOfProvisional = new int[words.size()];
        List<String> ranked = new ArrayList<>(words.size());
        for (int rank = 0; rank < byRank.length; rank++) {
            indexOfProvisional[byRank[rank]] = SequenceSplit.INDEX_FROM + rank;
            ranked.add(words.get(byRank[rank]));
        }
        vocabulary = List.copyOf(ranked);
        trainingSequences = new int[provisionalSequences.length][];
        for (int t = 0; t < provisionalSequences.length; t++) {
            int[] p = provisionalSequences[t];
            int[] seq = new int[p.length + 1];
            seq[0] = SequenceSplit.START;
            for (int i = 0; i < p.length; i++) {
                seq[i + 1] = indexOfProvisional[p[i]];
            }
            trainingSequences[t] = seq;
        }
    }

    /** Words by rank: element 0 is the most frequent (word index 3). */
    List<String> vocabulary() {
        return vocabulary;
    }

    /** The training texts given to the constructor, encoded, in the same order. */
    int[][] trainingSequences() {
        return trainingSequences;
    }

    /** Encodes a text that was not part of the training texts (words unseen there become 2). */
    int[] encode(String text) {
        List<String> words = tokens(text);
        int[] seq = new int[words.size() + 1];
        seq[0] = SequenceSplit.START;
        for (int i = 0; i < words.size(); i++) {
            Integer id = provisional.get(words.get(i));
            seq[i + 1] = id == null ? SequenceSplit.OOV : indexOfProvisional[id];
        }
        return seq;
    }

    /** Encodes every text; a convenience for the loaders. */
    int[][] encodeAll(List<String> texts) {
        int[][] out = new int[texts.size()][];
        Arrays.setAll(out, i -> encode(texts.get(i)));
        return out;
    }

    /** Keras Tokenizer's split: lower case, filter characters and whitespace separate words. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(text.length() / 5 + 1);
        int start = -1;
        boolean lower = true;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            boolean separator = ch <= ' ' ? Character.isWhitespace(ch) || ch == ' '
                    : (ch < 128 && FILTERS.indexOf(ch) >= 0) || Character.isWhitespace(ch);
            if (separator) {
                if (start >= 0) {
                    String w = text.substring(start, i);
                    out.add(lower ? w : w.toLowerCase(java.util.Locale.ROOT));
                    start = -1;
                }
            } else {
                if (start < 0) {
                    start = i;
                    lower = true;
                }
                if (Character.toLowerCase(ch) != ch) {
                    lower = false;
                }
            }
        }
        return out;
    }
}
