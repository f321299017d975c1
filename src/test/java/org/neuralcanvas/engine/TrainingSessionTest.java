package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.eval.Evaluator;
import org.neuralcanvas.engine.train.ContinuedTraining;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;

class TrainingSessionTest {

    static final TrainingSettings CLASSIFY = TrainingSettings.defaults().withOptimizer(
            OptimizerSettings.defaults("adam").withLearningRate(0.01)).withEpochs(8).withBatchSize(32);
    static final TrainingSettings REGRESS = CLASSIFY.withLoss("mse").withMetrics(List.of("mae"));

    static CompiledModel compile(ModelGraph g, TrainingSettings s) {
        var c = Dl4jCompiler.compile(g, s);
        assertTrue(c.ok(), c.problems()::toString);
        return c.model();
    }

    static SessionState await(CompletableFuture<SessionState> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void aSmallClassifierLearnsAndBeatsChance() throws Exception {
        EventLog log = new EventLog();
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), CLASSIFY), TinyData.classification(), log, null)) {
            assertEquals(SessionState.FINISHED, await(s.start()));
            List<EpochResult> h = s.model().history();
            assertEquals(8, h.size());
            assertTrue(h.get(7).get("loss") < h.get(0).get("loss") * 0.7, () -> "loss should fall: " + h);
            assertTrue(h.get(7).get("accuracy") > 0.8, () -> "accuracy should beat chance (0.33): " + h);
            assertEquals(List.of("STARTED", "B1.1"), log.trace().subList(0, 2));
            assertEquals("FINISHED", log.trace().get(log.trace().size() - 1));
            assertEquals(10, log.of(TrainingEvent.BatchEnded.class).get(0).batches(), "320 samples in batches of 32");

            EvaluationReport report = Evaluator.evaluate(s.model(), TinyData.classification().test());
            assertEquals(200, report.samples());
            assertTrue(report.classification().accuracy() > 0.8, () -> "test accuracy " + report);
            long counted = 0;
            for (long[] row : report.classification().confusion()) {
                for (long v : row) {
                    counted += v;
                }
            }
            assertEquals(200, counted, "every test sample is in the confusion matrix");
            assertEquals(3, report.classification().f1().length);
        }
    }

    @Test
    void closingASessionKeepsItsTrainedModelWhileItsDataIsFreed() throws Exception {
        INDArray x = TinyData.firstSamples(TinyData.blobs(10, 9), 10);
        TrainedModel model;
        INDArray before;
        TrainingSession s = new TrainingSession(compile(TinyData.classifier(), CLASSIFY.withEpochs(1)),
                TinyData.classification(), null, null);
        assertEquals(SessionState.FINISHED, s.start().get(60, TimeUnit.SECONDS));
        model = s.model();
        before = model.predict(x);
        s.close();
        // The release runs on the session's thread after the run; a second close is harmless.
        s.close();
        assertTrue(s.awaitClosed(60, TimeUnit.SECONDS), "the session's thread ends after its release");
        assertEquals(before, model.predict(x), "the trained network survives its session's release");
        try (TrainingSession more = new TrainingSession(model, TinyData.classification(), null, null)) {
            assertEquals(SessionState.FINISHED, more.continueTraining(1).get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void continuingWithANewLearningRateTrainsAtItAndKeepsTheOptimizersState() throws Exception {
        TrainedModel model;
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), CLASSIFY.withEpochs(1)),
                TinyData.classification(), null, null)) {
            assertEquals(SessionState.FINISHED, await(s.start()));
            model = s.model();
        }
        INDArray adamState = model.network().getUpdater().getStateViewArray().dup();
        TrainingSettings faster = CLASSIFY.withEpochs(2).withOptimizer(CLASSIFY.optimizer().withLearningRate(0.05));
        List<String> notes = new ArrayList<>();
        TrainedModel continued = ContinuedTraining.with(model, faster, notes);
        assertEquals(List.of(), notes);
        assertTrue(continued.network() == model.network(), "the same network, with its optimizer state");
        assertEquals(adamState, continued.network().getUpdater().getStateViewArray());
        String layer = continued.network().getLayer(0).conf().getLayer().getLayerName();
        assertEquals(0.05, continued.network().getLearningRate(layer), 1e-12, "the engine's rate is the new one");
        try (TrainingSession more = new TrainingSession(continued, TinyData.classification(), null, null)) {
            assertEquals(SessionState.FINISHED, await(more.start()));
            List<EpochResult> h = more.model().history();
            assertEquals(3, h.size(), "one epoch before, the two asked for now");
            assertEquals(0.05, h.get(2).learningRate(), 1e-12, "and the record says so");
        }
    }

    @Test
    void continuingWithAnotherOptimizerKeepsTheWeightsAndSaysTheStateStartsAfresh() throws Exception {
        TrainedModel model;
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), CLASSIFY.withEpochs(1)),
                TinyData.classification(), null, null)) {
            assertEquals(SessionState.FINISHED, await(s.start()));
            model = s.model();
        }
        List<String> notes = new ArrayList<>();
        TrainedModel continued = ContinuedTraining.with(model,
                CLASSIFY.withOptimizer(OptimizerSettings.defaults("sgd")), notes);
        assertEquals(model.network().params(), continued.network().params(), "the trained weights go on");
        assertEquals(List.of("The optimizer or loss changed (adam with categorical_crossentropy → sgd with "
                + "categorical_crossentropy), so training goes on from the trained weights with the optimizer's state "
                + "started afresh."), notes);
        assertEquals(1, continued.epochsTrained());
    }

    @Test
    void aSmallRegressorLearns() throws Exception {
        try (TrainingSession s = new TrainingSession(compile(TinyData.regressor(), REGRESS), TinyData.regression(), null, null)) {
            assertEquals(SessionState.FINISHED, await(s.start()));
            List<EpochResult> h = s.model().history();
            assertTrue(h.get(7).get("loss") < h.get(0).get("loss") * 0.5, () -> "loss should fall: " + h);
            assertTrue(h.get(7).get("mae") < h.get(0).get("mae"), () -> "mae should fall: " + h);
            EvaluationReport report = Evaluator.evaluate(s.model(), TinyData.regression().test());
            assertTrue(report.regression().rSquared() > 0.8, () -> "R² " + report.regression());
        }
    }

    @Test
    void theSameSeedGivesTheSameCurve() throws Exception {
        TrainingSettings settings = CLASSIFY.withEpochs(3);
        double[][] curves = new double[2][];
        for (int run = 0; run < 2; run++) {
            try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), settings), TinyData.classification(), null, null)) {
                await(s.start());
                curves[run] = s.model().history().stream().mapToDouble(r -> r.get("loss")).toArray();
            }
        }
        assertEquals(Arrays.toString(curves[0]), Arrays.toString(curves[1]));
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), settings.withSeed(7)),
                TinyData.classification(), null, null)) {
            await(s.start());
            assertFalse(s.model().history().get(0).get("loss") == curves[0][0], "another seed, another curve");
        }
    }

    @Test
    void pauseWaitsBetweenBatchesAndResumeGoesOn() throws Exception {
        EventLog log = new EventLog();
        CountDownLatch paused = new CountDownLatch(1);
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), CLASSIFY.withEpochs(1)),
                TinyData.classification(), log, null)) {
            log.onEach(e -> {
                if (e instanceof TrainingEvent.BatchEnded b && b.batch() == 3 && s.state() == SessionState.RUNNING) {
                    s.pause();
                }
                if (e instanceof TrainingEvent.StateChanged c && c.state() == SessionState.PAUSED) {
                    paused.countDown();
                }
            });
            var done = s.start();
            assertTrue(paused.await(30, TimeUnit.SECONDS));
            assertEquals(SessionState.PAUSED, s.state());
            assertEquals(List.of("STARTED", "B1.1", "B1.2", "B1.3", "PAUSED"), log.trace());
            s.resume();
            assertEquals(SessionState.FINISHED, await(done));
            assertEquals(List.of("STARTED", "B1.1", "B1.2", "B1.3", "PAUSED", "RESUMED", "B1.4"), log.trace().subList(0, 7));
        }
    }

    @Test
    void stopTakesEffectWithinOneBatchKeepsTheModelAndCanContinue() throws Exception {
        EventLog log = new EventLog();
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), CLASSIFY.withEpochs(5)),
                TinyData.classification(), log, null)) {
            log.onEach(e -> {
                if (e instanceof TrainingEvent.BatchEnded b && b.epoch() == 2 && b.batch() == 2) {
                    s.stop();
                }
            });
            assertEquals(SessionState.STOPPED, await(s.start()));
            List<String> trace = log.trace();
            assertEquals(List.of("B2.2", "STOPPED"), trace.subList(trace.size() - 2, trace.size()));
            assertEquals(1, s.model().history().size(), "the finished epoch is kept, the cut one is not");
            String reason = log.end().message();
            assertTrue(reason.contains("Stopped"), reason);

            log.onEach(e -> { });
            assertEquals(SessionState.FINISHED, await(s.continueTraining(2)));
            assertEquals(List.of(1, 2, 3), s.model().history().stream().map(EpochResult::epoch).toList());
        }
    }

    @Test
    void aNanLossFailsTheRunWithAdvice() throws Exception {
        EventLog log = new EventLog();
        TrainingSettings wild = REGRESS.withOptimizer(OptimizerSettings.defaults("sgd").withLearningRate(10)); // the most the settings allow
        try (TrainingSession s = new TrainingSession(compile(TinyData.regressor(), wild), TinyData.regression(), log, null)) {
            assertEquals(SessionState.FAILED, await(s.start()));
            String reason = log.end().message();
            assertTrue(reason.contains("Lower the learning rate") && reason.contains("clipnorm"), reason);
        }
    }

    @Test
    void aModelTooBigToFitIsRefusedBeforeAllocationWithItsSize() throws Exception {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(TinyData.FEATURES)));
        b.then("Dense", Map.of("units", 200_000));
        b.then("Dense", Map.of("units", 200_000));
        b.then("Dense", Map.of("units", 3, "activation", "softmax"));
        EventLog log = new EventLog();
        try (TrainingSession s = new TrainingSession(compile(b.graph(), CLASSIFY), TinyData.classification(), log, null)) {
            assertEquals(SessionState.FAILED, await(s.start()));
            String reason = log.end().message();
            assertTrue(reason.startsWith("dense_1 (Dense) alone needs about ") && reason.contains("GB"), reason);
            assertEquals(null, s.model());
        }
    }

    @Test
    void validationSplitHoldsOutTheEndAndEarlyStoppingStops() throws Exception {
        TrainingSettings settings = CLASSIFY.withEpochs(20).withValidationSplit(0.25).withOptimizer(
                OptimizerSettings.defaults("sgd").withLearningRate(1e-12)).withCallbacks(new CallbackSettings(
                new CallbackSettings.EarlyStopping(true, "val_loss", 2, true),
                CallbackSettings.none().reduceLrOnPlateau(), CallbackSettings.none().checkpoint()));
        EventLog log = new EventLog();
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), settings), TinyData.classification(), log, null)) {
            assertEquals(SessionState.STOPPED, await(s.start()));
            List<EpochResult> h = s.model().history();
            assertEquals(240, h.get(0).samples(), "320 samples, the last quarter held out");
            assertTrue(h.get(0).metrics().containsKey("val_loss") && h.get(0).metrics().containsKey("val_accuracy"));
            assertEquals(3, h.size(), "a learning rate of 0 never improves: stop after 1 + patience epochs");
            assertTrue(log.end().message().startsWith("Early stopping"));
        }
    }

    @Test
    void aLayersActivationsCanBeReadForOneSample() throws Exception {
        try (TrainingSession s = new TrainingSession(compile(TinyData.classifier(), CLASSIFY.withEpochs(1)),
                TinyData.classification(), null, null)) {
            await(s.start());
            TrainedModel m = s.model();
            String hidden = m.compiled().graph().findByName("dense").orElseThrow().id();
            TrainedModel.LayerActivations a = m.activations(hidden, new float[] {1, 0, 0, 2});
            assertEquals("(None, 16)", a.shape().toString());
            assertEquals(16, a.values().length);
            float[] p = m.predict(new float[] {1, 0, 0, 2});
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-5, "softmax outputs sum to one");
            assertNotNull(m.descriptor());
        }
    }
}
