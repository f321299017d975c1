package org.neuralcanvas.dataset.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.Fixtures;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.SequenceSplit;

/** IMDB and Reuters as Keras-style word-index sequences. */
class TextDatasetsTest {

    @Test
    void imdbHas25000BalancedReviewsPerSplit() throws DatasetException {
        RawDataset imdb = Fixtures.raw("imdb");
        SequenceSplit train = (SequenceSplit) imdb.train();
        SequenceSplit test = (SequenceSplit) imdb.test();
        assertEquals(25_000, train.count());
        assertEquals(25_000, test.count());
        assertArrayEquals(new int[] {12_500, 12_500}, ImageDatasetsTest.counts(train.labels(), 2));
        assertArrayEquals(new int[] {12_500, 12_500}, ImageDatasetsTest.counts(test.labels(), 2));
    }

    @Test
    void imdbTrainingSetIsShuffledSoAnyTailHoldsBothClasses() throws DatasetException {
        int[] labels = Fixtures.raw("imdb").train().labels();
        int positivesInLastFifth = 0;
        for (int i = 20_000; i < 25_000; i++) {
            positivesInLastFifth += labels[i];
        }
        assertTrue(positivesInLastFifth > 2_200 && positivesInLastFifth < 2_800, "" + positivesInLastFifth);
    }

    @Test
    void imdbSequencesStartWithOneAndRankWordsByFrequency() throws DatasetException {
        RawDataset imdb = Fixtures.raw("imdb");
        for (int[] s : ((SequenceSplit) imdb.train()).sequences()) {
            assertEquals(SequenceSplit.START, s[0]);
            assertTrue(s.length > 1);
        }
        assertEquals(List.of("the", "and", "a", "of", "to"), imdb.vocabulary().subList(0, 5));
        assertEquals("the", imdb.word(3));
        assertTrue(imdb.vocabulary().size() > 10_000);
    }

    @Test
    void reutersHas11228WiresIn46TopicsLikeKeras() throws DatasetException {
        RawDataset reuters = Fixtures.raw("reuters");
        assertEquals(8_982, reuters.train().count());
        assertEquals(2_246, reuters.test().count());
        int[] all = new int[46];
        for (int y : reuters.train().labels()) {
            all[y]++;
        }
        for (int y : reuters.test().labels()) {
            all[y]++;
        }
        for (int k = 0; k < 46; k++) {
            assertTrue(all[k] >= ReutersLoader.MIN_WIRES_PER_TOPIC, "topic " + k);
        }
        assertEquals(3_972, all[3], "earn, the largest topic, is label 3 as in Keras");
        assertEquals(2_423, all[4], "acq is label 4");
        assertEquals("earn", reuters.descriptor().classNames().get(3));
    }

    @Test
    void tokenizationFollowsKerasTokenizer() {
        assertEquals(List.of("it's", "a", "great", "film", "10", "10"),
                TextEncoder.tokens("It's a GREAT film!!! 10/10"));
    }
}
