package org.neuralcanvas.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.TrainingEvent;

class RunProgressTest {

    private final long[] now = {1_000_000_000L};
    private final RunProgress progress = new RunProgress(() -> now[0]);

    private void at(double seconds) {
        now[0] = 1_000_000_000L + (long) (seconds * 1e9);
    }

    private static TrainingEvent.BatchEnded batch(int epoch, int batch) {
        return new TrainingEvent.BatchEnded(epoch, batch, 10, 0.5);
    }

    @Test
    void theLogReadsLikeKerasAnEpochHeaderThenOneLineThatEndsAsTheEpochsResult() {
        progress.clear();
        progress.begin(1, 3);
        for (int b = 1; b <= 10; b++) {
            at(b * 0.1);
            progress.batchEnded(batch(1, b));
            progress.refresh(true);
        }
        Map<String, Double> metrics = new LinkedHashMap<>(); // the engine's order: loss first, as Keras prints
        metrics.put("loss", 0.25);
        metrics.put("accuracy", 0.9);
        progress.epochEnded(new EpochResult(1, metrics, 0.001, 1.0, 1000));
        assertEquals(2, progress.log().size(), progress.log().toString());
        assertEquals("Epoch 1/3", progress.log().get(0));
        assertTrue(progress.log().get(1).startsWith("10/10 ["), progress.log().get(1));
        assertTrue(progress.log().get(1).contains("loss: 0.2500 - accuracy: 0.9000"), progress.log().get(1));
        assertEquals(1.0 / 3, progress.runProgressProperty().get(), 1e-9);
    }

    @Test
    void aPauseIsKeptOutOfTheClockAndTheEta() {
        progress.clear();
        progress.begin(1, 2);
        at(5);
        progress.batchEnded(batch(1, 5)); // a quarter of the run in 5 s
        progress.refresh(true);
        String before = progress.timeTextProperty().get();
        progress.paused();
        at(605); // ten minutes paused
        progress.resumed();
        at(606);
        progress.refresh(true);
        assertEquals(before.replace("0:05", "0:06").split("  ETA")[0], progress.timeTextProperty().get().split("  ETA")[0],
                "the clock went on from where it stopped: " + progress.timeTextProperty().get());
        assertFalse(progress.timeTextProperty().get().contains("10:"), progress.timeTextProperty().get());
    }

    @Test
    void withinAnEpochTheBarsAndClockMoveOnceASecond() {
        progress.clear();
        assertEquals(0, progress.runProgressProperty().get(), "determinate from the start: an indeterminate bar animates");
        progress.preparing(1, 3, "Preparing: reading and preprocessing the dataset (step 2 of 3)");
        assertEquals(1 / 3.0, progress.runProgressProperty().get(), 1e-9, "the preparation's steps fill the run bar");
        assertEquals("Preparing: reading and preprocessing the dataset (step 2 of 3)", progress.epochTextProperty().get());
        progress.begin(1, 2);
        assertEquals(0, progress.runProgressProperty().get(), "determinate (no animation) once training runs");
        at(0.1);
        progress.batchEnded(batch(1, 1));
        assertTrue(progress.refresh(true), "the first batch is a live moment");
        assertEquals(0.1, progress.epochProgressProperty().get(), 1e-9, "the first batch shows at once");
        at(0.6);
        progress.batchEnded(batch(1, 2));
        progress.batchEnded(batch(1, 3));
        assertFalse(progress.refresh(true));
        assertEquals(0.1, progress.epochProgressProperty().get(), 1e-9, "held back: less than a second since the last update");
        at(1.2);
        assertTrue(progress.refresh(true));
        assertEquals(0.3, progress.epochProgressProperty().get(), 1e-9);
        assertEquals(0.15, progress.runProgressProperty().get(), 1e-9);
        assertEquals("0:01  ETA 0:07", progress.timeTextProperty().get());
    }

    @Test
    void continuedTrainingNumbersItsEpochsOnAndEndsShowingTheRunsLength() {
        progress.clear();
        progress.begin(4, 2);
        at(0.1);
        progress.batchEnded(batch(4, 5));
        progress.refresh(true);
        assertEquals("Epoch 4/5", progress.epochTextProperty().get());
        assertEquals(0.25, progress.runProgressProperty().get(), 1e-9);
        at(75);
        progress.note("Stopped by you after epoch 4.");
        progress.ended(true);
        assertEquals("1:15", progress.timeTextProperty().get());
        assertEquals(1.0, progress.epochProgressProperty().get());
        assertEquals("Stopped by you after epoch 4.", progress.log().get(progress.log().size() - 1));
    }

    @Test
    void longRunsShowHours() {
        assertEquals("1:02:03", RunProgress.elapsedText(3723));
        assertEquals("0:59", RunProgress.elapsedText(59.4));
    }
}
