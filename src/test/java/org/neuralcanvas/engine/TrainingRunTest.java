package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.run.RunOutcome;
import org.neuralcanvas.engine.run.RunRequest;
import org.neuralcanvas.engine.run.TrainingRun;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunSegment;
import org.neuralcanvas.project.TrainingSettings;

/** The one pipeline of a run (compile, data, session, evaluation, record) and what a paused run may change. */
class TrainingRunTest {

    private static final TrainingSettings ADAM = TrainingSettings.defaults().withOptimizer(
            OptimizerSettings.defaults("adam").withLearningRate(0.01)).withEpochs(3).withBatchSize(32);
    private static final DatasetChoice TINY = new DatasetChoice("tiny", Map.of());

    private final ExecutorService work = Executors.newSingleThreadExecutor();

    @AfterEach
    void endWork() {
        work.shutdownNow();
    }

    /** The tiny blobs as a dataset; {@code gate} holds the preparation until it opens. */
    private static TrainingDataSource tiny(CountDownLatch gate) {
        return new TrainingDataSource() {
            @Override
            public List<String> datasetIds() {
                return List.of("tiny");
            }

            @Override
            public TrainingData open(DatasetChoice choice, CompiledModel model, int batchSize) {
                try {
                    gate.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return TinyData.classification();
            }
        };
    }

    private static RunRequest request(TrainingSettings s) {
        return new RunRequest("run-1", Instant.now().toString(), TinyData.classifier(), s, TINY, null, null, null);
    }

    @Test
    void aRunCompilesTrainsEvaluatesAndRecordsItself() throws Exception {
        EventLog log = new EventLog();
        RunOutcome o = new TrainingRun(tiny(new CountDownLatch(0)), request(ADAM), log).start(work).get(90, TimeUnit.SECONDS);
        RunRecord r = o.record();
        assertNotNull(r, o.message());
        assertEquals("finished", r.outcome());
        assertEquals(3, r.history().size());
        assertEquals(200, r.results().samples(), "the test split is evaluated and kept with the record");
        assertEquals(o.report().samples(), r.results().samples());
        assertEquals(List.of(new RunSegment(1, 1, ADAM)), r.segments());
        List<TrainingEvent.RunStep.Step> steps = log.of(TrainingEvent.RunStep.class).stream()
                .map(TrainingEvent.RunStep::step).toList();
        assertEquals(List.of(TrainingEvent.RunStep.Step.COMPILING, TrainingEvent.RunStep.Step.READING_DATA,
                TrainingEvent.RunStep.Step.READYING_MODEL, TrainingEvent.RunStep.Step.EVALUATING), steps);
        int started = log.all().indexOf(new TrainingEvent.StateChanged(TrainingEvent.Transition.STARTED, ""));
        assertTrue(started > 0 && log.all().get(started + 1) instanceof TrainingEvent.BatchEnded,
                "STARTED once the data is in memory and the first batch is next");
    }

    @Test
    void settingsOutOfRangeEndTheRunWithTheirSentenceBeforeAnythingIsPrepared() throws Exception {
        RunOutcome o = new TrainingRun(tiny(new CountDownLatch(0)), request(ADAM.withBatchSize(0)), null).start(work)
                .get(30, TimeUnit.SECONDS);
        assertNull(o.record());
        assertTrue(o.failed());
        assertTrue(o.message().contains("batch_size must be at least 1; it is 0."), o.message());
    }

    @Test
    void stopWhileTheDataIsPreparedTrainsAndEvaluatesNothing() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        EventLog log = new EventLog();
        TrainingRun run = new TrainingRun(tiny(gate), request(ADAM), log);
        var outcome = run.start(work);
        run.stop();
        gate.countDown();
        RunOutcome o = outcome.get(30, TimeUnit.SECONDS);
        assertTrue(o.stoppedBeforeStart());
        assertFalse(o.failed());
        assertNull(o.record(), "nothing trained, so nothing is recorded");
        assertNull(o.report(), "and no untrained model is evaluated");
        assertEquals(List.of(), log.of(TrainingEvent.BatchEnded.class));
    }

    @Test
    void aPausedRunResumesWithTheNewLearningRateFromTheExactOptimizerStateAndRecordsTwoSegments() throws Exception {
        AtomicReference<TrainingRun> runRef = new AtomicReference<>();
        AtomicBoolean paused = new AtomicBoolean();
        CountDownLatch pausedLatch = new CountDownLatch(1);
        AtomicReference<INDArray> stateAtResume = new AtomicReference<>();
        AtomicReference<Double> rateAtResume = new AtomicReference<>();
        EventLog log = new EventLog();
        TrainingRun run = new TrainingRun(tiny(new CountDownLatch(0)), request(ADAM), e -> {
            log.onEvent(e);
            if (e instanceof TrainingEvent.BatchEnded b && b.epoch() == 2 && b.batch() == 3 && !paused.getAndSet(true)) {
                runRef.get().pause();
            } else if (e instanceof TrainingEvent.StateChanged s && s.transition() == TrainingEvent.Transition.PAUSED) {
                pausedLatch.countDown();
            } else if (e instanceof TrainingEvent.SettingsChanged) {
                // Taken over, before the next batch: what the optimizer holds now.
                ComputationGraph net = runRef.get().session().model().network();
                stateAtResume.set(net.getUpdater().getStateViewArray().dup());
                rateAtResume.set(net.getLearningRate(net.getLayer(0).conf().getLayer().getLayerName()));
            }
        });
        runRef.set(run);
        var outcome = run.start(work);
        assertTrue(pausedLatch.await(60, TimeUnit.SECONDS), "the run pauses");
        ComputationGraph net = run.session().model().network();
        INDArray stateWhilePaused = net.getUpdater().getStateViewArray().dup();
        assertTrue(stateWhilePaused.amaxNumber().doubleValue() > 0, "Adam has moments after 13 batches");
        TrainingSettings changed = ADAM.withOptimizer(ADAM.optimizer().withLearningRate(0.001)).withBatchSize(16)
                .withEpochs(4);
        run.resume(changed);
        RunOutcome o = outcome.get(90, TimeUnit.SECONDS);

        assertEquals(stateWhilePaused, stateAtResume.get(), "Adam's moments are kept, not started afresh");
        assertEquals(0.001, rateAtResume.get(), 1e-12, "the optimizer's learning rate is the new one");
        for (var layer : net.getLayers()) {
            if (layer.numParams() > 0) {
                assertEquals(0.001, net.getLearningRate(layer.conf().getLayer().getLayerName()), 1e-12);
            }
        }
        RunRecord r = o.record();
        assertEquals("finished", r.outcome());
        assertEquals(4, r.history().size(), "the run's epochs became 4 on resume");
        assertEquals(List.of(new RunSegment(1, 1, ADAM), new RunSegment(2, 4, changed)), r.segments(),
                "the first segment until batch 3 of epoch 2, the second from batch 4");
        assertEquals(0.01, r.history().get(0).get(EpochResult.LEARNING_RATE), 1e-12);
        assertEquals(0.001, r.history().get(3).get(EpochResult.LEARNING_RATE), 1e-12);
        assertEquals(20, log.of(TrainingEvent.BatchEnded.class).stream().filter(b -> b.epoch() == 3).findFirst()
                .orElseThrow().batches(), "320 samples in batches of 16 after the resume");
        assertEquals("Epoch 2, batch 4: resumed with learning_rate=0.001, epochs=4, batch_size=16.",
                log.of(TrainingEvent.SettingsChanged.class).get(0).line());
        assertEquals(changed, o.model().compiled().settings(), "the model says what it now trains with");
    }
}
