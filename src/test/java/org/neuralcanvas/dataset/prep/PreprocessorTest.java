package org.neuralcanvas.dataset.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.Fixtures;
import org.neuralcanvas.dataset.RawDataset;

class PreprocessorTest {

    private final Preprocessor preprocessor = new Preprocessor();

    private PreparedDataset prepare(String id, java.util.function.UnaryOperator<PreprocessingOptions> change)
            throws DatasetException {
        DatasetDescriptor d = Fixtures.descriptor(id);
        return preprocessor.prepare(Fixtures.raw(id), change.apply(PreprocessingOptions.defaultsFor(d)));
    }

    @Test
    void scaledMnistIsSixtyThousandImagesInZeroToOneWithOneHotLabels() throws DatasetException {
        PreparedDataset p = prepare("mnist", o -> o);
        DataSet train = p.train().toDataSet();
        assertArrayEquals(new long[] {60_000, 28, 28, 1}, train.getFeatures().shape());
        assertArrayEquals(new long[] {60_000, 10}, train.getLabels().shape());
        assertEquals(0.0, train.getFeatures().minNumber().doubleValue());
        assertEquals(1.0, train.getFeatures().maxNumber().doubleValue());
        assertEquals(60_000.0, train.getLabels().sumNumber().doubleValue(), "exactly one 1 per row");
        assertArrayEquals(new long[] {10_000, 28, 28, 1}, p.test().toDataSet().getFeatures().shape());
        assertEquals(5, train.getLabels().getRow(0).argMax().getInt(0), "first digit is a 5");
    }

    @Test
    void flatUnscaledMnistWithIntegerLabelsKeepsRawPixels() throws DatasetException {
        PreparedDataset p = prepare("mnist", o -> o.withLayout(FeatureLayout.FLAT).withScalePixels(false)
                .withLabels(LabelEncoding.INTEGER));
        DataSet first = p.train().slice(0, 100);
        assertArrayEquals(new long[] {100, 784}, first.getFeatures().shape());
        assertArrayEquals(new long[] {100, 1}, first.getLabels().shape());
        assertEquals(255.0, first.getFeatures().maxNumber().doubleValue());
        assertEquals(5.0, first.getLabels().getDouble(0, 0));
        assertArrayEquals(new int[] {784}, p.inputShape());
        assertEquals(1, p.outputWidth());
    }

    @Test
    void validationSplitTakesTheEndOfTheTrainingSetAsKerasDoes() throws DatasetException {
        PreparedDataset p = prepare("mnist", o -> o.withValidationSplit(0.2));
        ExampleSet validation = p.validation().orElseThrow();
        assertEquals(48_000, p.train().size());
        assertEquals(12_000, validation.size());
        assertEquals(48_000, validation.rowOf(0));
        assertEquals(59_999, validation.rowOf(11_999));
        assertEquals(10_000, p.test().size(), "the test set is untouched");
    }

    @Test
    void theTestSetCanServeAsValidation() throws DatasetException {
        PreparedDataset p = prepare("iris", o -> o.withValidation(ValidationMode.TEST_SET));
        assertEquals(p.test(), p.validation().orElseThrow());
        assertEquals(120, p.train().size());
    }

    @Test
    void standardisingUsesTheTrainingRowsMeanAndDeviationForEverySplit() throws DatasetException {
        RawDataset raw = Fixtures.raw("boston-housing");
        PreparedDataset p = prepare("boston-housing", o -> o.withStandardise(true));
        DenseSplit train = (DenseSplit) raw.train();
        PreparedDataset.Standardisation s = p.standardisation().orElseThrow();
        for (int c = 0; c < 13; c++) {
            double mean = 0;
            for (int i = 0; i < train.count(); i++) {
                mean += train.features()[i * 13 + c];
            }
            mean /= train.count();
            assertEquals(mean, s.mean()[c], Math.abs(mean) * 1e-5 + 1e-5, "column " + c);
        }
        INDArray x = p.train().toDataSet().getFeatures();
        INDArray colMeans = x.mean(0);
        INDArray colStd = x.std(false, 0);
        for (int c = 0; c < 13; c++) {
            assertEquals(0.0, colMeans.getDouble(c), 1e-4);
            assertEquals(1.0, colStd.getDouble(c), 1e-3);
        }
        // Test rows were shifted by the TRAINING statistics, so their mean is near 0 but not exactly.
        INDArray testMeans = p.test().toDataSet().getFeatures().mean(0);
        assertNotEquals(0.0, testMeans.getDouble(0), 1e-4);
        float first = ((DenseSplit) raw.test()).features()[0];
        assertEquals((first - s.mean()[0]) / s.std()[0], p.test().toDataSet().getFeatures().getDouble(0, 0), 1e-5);
    }

    @Test
    void standardisingWithAValidationTailFitsOnTheRemainingTrainingRowsOnly() throws DatasetException {
        PreparedDataset p = prepare("boston-housing", o -> o.withStandardise(true).withValidationSplit(0.25));
        INDArray fitted = p.train().toDataSet().getFeatures();
        assertEquals(303, fitted.rows());
        assertEquals(0.0, fitted.mean(0).getDouble(5), 1e-4);
    }

    @Test
    void imdbAsMultiHotIsTenThousandZeroOneSlots() throws DatasetException {
        PreparedDataset p = prepare("imdb", o -> o);
        DataSet batch = p.train().slice(0, 64);
        INDArray x = batch.getFeatures();
        assertArrayEquals(new long[] {64, 10_000}, x.shape());
        assertEquals(64 * 10_000, x.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.INT32).sumNumber().intValue()
                + x.eq(1).castTo(org.nd4j.linalg.api.buffer.DataType.INT32).sumNumber().intValue(), "only 0 and 1");
        assertEquals(64.0, x.getColumn(1).sumNumber().doubleValue(), "every review has the start marker");
        assertArrayEquals(new long[] {64, 1}, batch.getLabels().shape());
        assertEquals(FeatureLayout.MULTI_HOT, p.layout());
    }

    @Test
    void imdbAsPaddedSequencesIsPrePaddedAndCutToTheVocabulary() throws DatasetException {
        RawDataset raw = Fixtures.raw("imdb");
        PreparedDataset p = prepare("imdb", o -> o.withLayout(FeatureLayout.TOKEN_INDICES).withSequenceLength(100)
                .withVocabularySize(5_000));
        INDArray x = p.train().toDataSet().getFeatures();
        assertArrayEquals(new long[] {25_000, 100}, x.shape());
        assertTrue(x.maxNumber().intValue() < 5_000);
        int[] shortest = null;
        int at = -1;
        int[][] seqs = ((org.neuralcanvas.dataset.SequenceSplit) raw.train()).sequences();
        for (int i = 0; i < seqs.length; i++) {
            if (shortest == null || seqs[i].length < shortest.length) {
                shortest = seqs[i];
                at = i;
            }
        }
        assertTrue(shortest.length < 100);
        assertEquals(0.0, x.getDouble(at, 0), "padding comes first");
        assertEquals(1.0, x.getDouble(at, 100 - shortest.length), "then the start marker");
        int[] longest = seqs[0];
        for (int[] s : seqs) {
            longest = s.length > longest.length ? s : longest;
        }
        assertTrue(longest.length > 100, "some reviews are cut");
    }

    @Test
    void aTypedSentenceIsEncodedAsTheReviewsAre() throws DatasetException {
        PreparedDataset seq = prepare("imdb", o -> o.withLayout(FeatureLayout.TOKEN_INDICES).withSequenceLength(8));
        java.util.List<String> words = seq.vocabulary();
        float[] x = seq.encodeText("This film was GREAT, zzzqqq!");
        float[] expected = {0, 0, 1, words.indexOf("this") + 3, words.indexOf("film") + 3, words.indexOf("was") + 3,
            words.indexOf("great") + 3, 2};
        assertArrayEquals(expected, x, "pre-padded, start mark, each word by its rank, an unseen one as 2");
        PreparedDataset bag = prepare("imdb", o -> o);
        float[] row = bag.encodeText("great film");
        assertEquals(10_000, row.length);
        assertEquals(1f, row[1], "the start mark");
        assertEquals(1f, row[words.indexOf("great") + 3]);
        assertEquals(3f, sum(row), "start, great, film");
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }

    @Test
    void reutersPreparesFortySixOneHotTopics() throws DatasetException {
        PreparedDataset p = prepare("reuters", o -> o);
        assertEquals(46, p.outputWidth());
        assertEquals(8_982, p.train().size());
        assertEquals(46, p.train().labelNames().size());
    }

    @Test
    void optionsThatDoNotFitTheDatasetAreRejectedWithASentence() {
        DatasetException pixels = assertThrows(DatasetException.class,
                () -> prepare("boston-housing", o -> o.withScalePixels(true)));
        assertEquals(DatasetException.Reason.INVALID_OPTIONS, pixels.reason());
        assertTrue(pixels.getMessage().contains("no pixels"), pixels.getMessage());
        assertThrows(DatasetException.class, () -> prepare("iris", o -> o.withLayout(FeatureLayout.IMAGE)));
        assertThrows(DatasetException.class, () -> prepare("reuters", o -> o.withStandardise(true)));
        assertThrows(DatasetException.class, () -> prepare("iris", o -> o.withValidationSplit(1.5)));
        DatasetException tooLarge = assertThrows(DatasetException.class,
                () -> prepare("iris", o -> o.withValidationSplit(0.999)));
        assertTrue(tooLarge.getMessage().contains("leaves 0 of Iris's 120"), tooLarge.getMessage());
    }
}
