package org.neuralcanvas.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoldSummaryTest {

    private static List<Map<String, Double>> fold(double... valMae) {
        return java.util.Arrays.stream(valMae).mapToObj(v -> Map.of("loss", v * 2, "val_mae", v)).toList();
    }

    private static final TrainingSettings MAE = TrainingSettings.defaults().withLoss("mse").withMetrics(List.of("mae"));

    @Test
    void theMeanCurveIsTheMeanOfTheFoldCurvesAsFarAsEveryFoldWent() {
        FoldSummary s = FoldSummary.of(List.of(fold(4, 3, 2), fold(6, 5, 4, 3), fold(5, 4, 3)), MAE);
        assertEquals("val_mae", s.key());
        assertEquals(3, s.commonEpochs());
        assertArrayEquals(new double[] {5, 4, 3}, s.meanCurve("val_mae"), 1e-12);
        assertEquals(10.0, s.meanHistory().get(0).get("loss"), 1e-12);
        // Scores are each fold's last epoch: 2, 3 and 3.
        assertArrayEquals(new double[] {2, 3, 3}, s.scores(), 1e-12);
        assertEquals(8.0 / 3, s.meanScore(), 1e-12);
        assertEquals(Math.sqrt(((2 - 8.0 / 3) * (2 - 8.0 / 3) + 2 * (3 - 8.0 / 3) * (3 - 8.0 / 3)) / 3), s.spread(), 1e-12);
    }

    @Test
    void theSmoothedCurveIsTheNotesExponentialMovingAverage() {
        assertArrayEquals(new double[] {10, 9.1, 8.29}, FoldSummary.smoothed(new double[] {10, 1, 1}), 1e-12);
    }

    @Test
    void aLongRunsFirstTenEpochsAreLeftOutOfTheSmoothingAsTheNotesDo() {
        // 30 epochs: ten on another scale (100), then 5, 4, 3, …: smoothing starts at epoch 11 from 5, not from 100.
        double[] v = new double[30];
        for (int i = 0; i < 30; i++) {
            v[i] = i < 10 ? 100 : i < 20 ? 15 - i : 1 + (i - 20) * 0.5;
        }
        FoldSummary s = FoldSummary.of(List.of(fold(v), fold(v)), MAE);
        double[] smoothed = s.smoothedMean();
        assertTrue(Double.isNaN(smoothed[9]), "epoch 10 is not smoothed");
        assertEquals(5, smoothed[10], 1e-12, "epoch 11 starts the average");
        assertEquals(0.9 * 5 + 0.1 * 4, smoothed[11], 1e-12);
        // From epoch 11 the average is lowest at epoch 21, one after the curve's own minimum; smoothed from epoch 1,
        // the hundreds would hold it up for the whole run and put the best epoch at the last one, 30.
        assertEquals(21, s.bestEpoch());
        assertEquals(0, FoldSummary.unsmoothedEpochs(20), "a short run is smoothed from its first epoch");
    }

    @Test
    void theBestEpochIsWhereTheSmoothedMeanIsLowestOrForAccuracyHighest() {
        FoldSummary mae = FoldSummary.of(List.of(fold(5, 3, 2, 2.5, 4, 6), fold(5, 3, 2, 2.5, 4, 6)), MAE);
        // smoothed: 5, 4.8, 4.52, 4.318, 4.2862, 4.45758 — lowest at epoch 5.
        assertEquals(5, mae.bestEpoch());
        List<Map<String, Double>> acc = List.of(Map.of("val_accuracy", 0.5), Map.of("val_accuracy", 0.9),
                Map.of("val_accuracy", 0.2));
        FoldSummary a = FoldSummary.of(List.of(acc, acc), TrainingSettings.defaults());
        assertEquals("val_accuracy", a.key());
        assertEquals(3 - 1, a.bestEpoch(), "0.5, 0.54, 0.506: highest at epoch 2");
    }

    @Test
    void withoutTheMetricTheValidationLossScores() {
        FoldSummary s = FoldSummary.of(List.of(List.of(Map.of("val_loss", 1.0))), MAE);
        assertEquals("val_loss", s.key());
        assertEquals(1.0, s.meanScore());
    }
}
