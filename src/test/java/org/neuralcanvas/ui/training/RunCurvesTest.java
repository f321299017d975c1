package org.neuralcanvas.ui.training;

import org.neuralcanvas.ui.common.LiveChart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.TrainingSettings;

class RunCurvesTest {

    @Test
    void aLongEpochDrawsAtMostTwoHundredBatchPointsEndingOnItsLastBatch() {
        RunCurves c = new RunCurves();
        c.reset("accuracy");
        for (int b = 1; b <= 469; b++) {
            c.addBatch(1, b, 469, 0.5);
        }
        assertTrue(c.batchPoints() <= RunCurves.BATCH_POINTS_PER_EPOCH, "points: " + c.batchPoints());
        assertEquals(1.0, c.batches().getSeries(0).getX(c.batchPoints() - 1).doubleValue(), 1e-9);
    }

    @Test
    void batchPointsRedrawOnlyTheLossChartAndOnlyAtALiveMomentWhileAnEpochPointShowsAtOnce() {
        RunCurves c = new RunCurves();
        JFreeChart loss = LiveChart.epochChart("loss", "loss", c.loss(), c.lossOverlays(), c.batches(), "epoch");
        JFreeChart metric = LiveChart.epochChart("accuracy", "accuracy", c.metric(), c.metricOverlays(), null, "epoch");
        c.attach(loss);
        c.attach(metric);
        int[] lossRedraws = {0};
        int[] metricRedraws = {0};
        loss.addChangeListener(e -> lossRedraws[0]++);
        metric.addChangeListener(e -> metricRedraws[0]++);
        c.reset("accuracy");
        lossRedraws[0] = 0;
        metricRedraws[0] = 0;
        // Nine drains with new batch points between two live moments (and the series' hash changing as it grows).
        for (int tick = 1; tick <= 9; tick++) {
            c.addBatch(1, tick * 3, 469, 0.5 - tick * 0.01);
            c.publish(false);
        }
        assertEquals(0, lossRedraws[0], "batch points wait for the live moment");
        c.addBatch(1, 30, 469, 0.4);
        c.publish(true);
        assertEquals(1, lossRedraws[0], "at the live moment the batch curve moves, with one redraw");
        assertEquals(0, metricRedraws[0], "the metric chart has no batch curve to redraw");
        c.addBatch(1, 33, 469, 0.4);
        c.addEpoch(new EpochResult(1, Map.of("loss", 0.3, "accuracy", 0.9), 0.001, 1, 100));
        c.publish(false);
        assertEquals(2, lossRedraws[0], "an epoch point shows at once, with the batch points before it");
        assertEquals(1, metricRedraws[0]);
        assertEquals(11, c.batchPoints());
    }

    @Test
    void anEpochAddsItsLossAndMetricWithTheirValidationTwins() {
        RunCurves c = new RunCurves();
        c.reset("accuracy");
        c.addEpoch(new EpochResult(1, Map.of("loss", 0.3, "accuracy", 0.9, "val_loss", 0.35, "val_accuracy", 0.88), 0.001, 1, 100));
        c.publish(false);
        assertEquals(0.35, c.loss().getSeries(1).getY(0).doubleValue(), 1e-9);
        assertEquals("val_accuracy", c.metric().getSeries(1).getKey());
        assertEquals(0.88, c.metric().getSeries(1).getY(0).doubleValue(), 1e-9);
    }

    @Test
    void anEarlierRunIsLaidOverAsItsOwnCurves() {
        RunCurves c = new RunCurves();
        c.reset("mae");
        RunRecord run = new RunRecord("run-1", "2026-01-01T00:00:00Z", TrainingSettings.defaults(), "boston-housing",
                "finished", List.of(Map.of("loss", 3.0, "mae", 1.5), Map.of("loss", 2.0, "mae", 1.2)));
        c.showOverlays(List.of(run));
        assertEquals("run-1 loss", c.lossOverlays().getSeries(0).getKey());
        assertEquals(2, c.lossOverlays().getSeries(0).getItemCount());
        assertEquals("run-1 mae", c.metricOverlays().getSeries(0).getKey());
    }
}
