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
 */
final class TextEncoder {

    private static final String FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> vocabulary;

    /** Builds the vocabulary from the training texts. */
    TextEncoder(List<String> trainingTexts) {
        Map<String, int[]> counts = new HashMap<>();
        for (String text : trainingTexts) {
            for (String w : tokens(text)) {
                counts.computeIfAbsent(w, k -> new int[1])[0]++;
            }
        }
        List<Map.Entry<String, int[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        List<String> words = new ArrayList<>(ranked.size());
        for (Map.Entry<String, int[]> e : ranked) {
            index.put(e.getKey(), SequenceSplit.INDEX_FROM + words.size());
            words.add(e.getKey());
        }
        vocabulary = List.copyOf(words);
    }

    /** Words by rank: element 0 is the most frequent (word index 3). */
    List<String> vocabulary() {
        return vocabulary;
    }

    int[] encode(String text) {
        List<String> words = tokens(text);
        int[] seq = new int[words.size() + 1];
        seq[0] = SequenceSplit.START;
        for (int i = 0; i < words.size(); i++) {
            seq[i + 1] = index.getOrDefault(words.get(i), SequenceSplit.OOV);
        }
        return seq;
    }

    /** Keras Tokenizer's split: lower case, filter characters and whitespace separate words. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(text.length() / 5 + 1);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || FILTERS.indexOf(c) >= 0) {
                if (word.length() > 0) {
                    out.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(Character.toLowerCase(c));
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        return out;
    }

    /** Encodes every text; a convenience for the loaders. */
    int[][] encodeAll(List<String> texts) {
        int[][] out = new int[texts.size()][];
        Arrays.setAll(out, i -> encode(texts.get(i)));
        return out;
    }
}
