package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.eval.Evaluator;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.SyntheticDataSource;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;

/** Losses, label encodings and callbacks beyond the plain classifier. */
class TrainingOptionsTest {

    @TempDir
    Path dir;

    private static TrainingData synthetic(CompiledModel m) {
        return new SyntheticDataSource().open(new DatasetChoice("synthetic", Map.of("samples", "400")), m, 32);
    }

    @Test
    void sparseLabelsTrainAndEvaluateAsClasses() throws Exception {
        CompiledModel m = TrainingSessionTest.compile(TinyData.classifier(),
                TrainingSessionTest.CLASSIFY.withLoss("sparse_categorical_crossentropy").withEpochs(6));
        TrainingData data = synthetic(m);
        try (TrainingSession s = new TrainingSession(m, data, null, null)) {
            assertEquals(SessionState.FINISHED, s.start().get(60, TimeUnit.SECONDS));
            List<EpochResult> h = s.model().history();
            assertTrue(h.get(5).get("accuracy") > 0.7, () -> "accuracy from class-index labels: " + h);
            EvaluationReport r = Evaluator.evaluate(s.model(), data.test());
            assertEquals(3, r.classification().confusion().length);
            assertTrue(r.classification().accuracy() > 0.7, r::toString);
        }
    }

    @Test
    void aBinaryClassifierReportsTwoClasses() throws Exception {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(TinyData.FEATURES)));
        b.then("Dense", Map.of("units", 8, "activation", "relu"));
        b.then("Dense", Map.of("units", 1, "activation", "sigmoid"));
        CompiledModel m = TrainingSessionTest.compile(b.graph(),
                TrainingSessionTest.CLASSIFY.withLoss("binary_crossentropy").withEpochs(6));
        TrainingData data = synthetic(m);
        try (TrainingSession s = new TrainingSession(m, data, null, null)) {
            assertEquals(SessionState.FINISHED, s.start().get(60, TimeUnit.SECONDS));
            assertTrue(s.model().history().get(5).get("accuracy") > 0.75, () -> s.model().history().toString());
            EvaluationReport r = Evaluator.evaluate(s.model(), data.test());
            assertEquals(2, r.classification().precision().length);
        }
    }

    @Test
    void reduceLrOnPlateauLowersTheLearningRateAndCheckpointsAreWritten() throws Exception {
        TrainingSettings settings = TrainingSessionTest.CLASSIFY.withEpochs(4).withValidationSplit(0.2)
                .withOptimizer(OptimizerSettings.defaults("sgd").withLearningRate(1e-9))
                .withCallbacks(new CallbackSettings(CallbackSettings.none().earlyStopping(),
                        new CallbackSettings.ReduceLrOnPlateau(true, "val_accuracy", 0.5, 1, 0.0),
                        new CallbackSettings.Checkpoint(true, "val_loss", false)));
        CompiledModel m = TrainingSessionTest.compile(TinyData.classifier(), settings);
        List<String> said = new CopyOnWriteArrayList<>();
        try (TrainingSession s = new TrainingSession(m, TinyData.classification(), e -> {
            if (e instanceof TrainingEvent.CallbackActed c) {
                said.add(c.line());
            }
        }, dir)) {
            assertEquals(SessionState.FINISHED, s.start().get(60, TimeUnit.SECONDS));
            List<Double> rates = s.model().history().stream().map(EpochResult::learningRate).toList();
            assertEquals(1e-9, rates.get(0), 1e-15);
            assertTrue(rates.get(3) < rates.get(0), () -> "the rate falls on a plateau: " + rates);
            // Each callback says what it did, as Keras's verbose callbacks do.
            int lowered = (int) rates.stream().distinct().count() - 1;
            assertTrue(said.stream().filter(l -> l.contains(": ReduceLROnPlateau reducing learning rate to ")).count()
                    >= lowered, said::toString);
            // The first lowering on the 1e-9 start: half of it, as Keras prints the float.
            assertTrue(said.stream().anyMatch(l -> l.endsWith(": ReduceLROnPlateau reducing learning rate to 5e-10.")),
                    said::toString);
            // And the run's history has a learning-rate column with each epoch's rate.
            assertEquals(rates, EpochResult.historyMaps(s.model().history()).stream()
                    .map(epoch -> epoch.get(EpochResult.LEARNING_RATE)).toList());
        }
        assertTrue(said.contains("Epoch 4: saving model to " + dir.resolve("last.zip").toAbsolutePath()), said::toString);
        assertTrue(Files.exists(dir.resolve("last.zip")));
        assertEquals(4, ModelStore.load(dir.resolve("last.zip")).epochsTrained());
    }

    @Test
    void aFunctionalConvolutionalModelTrainsWithTrainingAccuracy() throws Exception {
        CompiledModel m = TrainingSessionTest.compile(SampleModels.globalPooling2d(),
                TrainingSessionTest.CLASSIFY.withEpochs(2));
        try (TrainingSession s = new TrainingSession(m, synthetic(m), null, null)) {
            assertEquals(SessionState.FINISHED, s.start().get(60, TimeUnit.SECONDS));
            EpochResult last = s.model().history().get(1);
            assertTrue(last.metrics().containsKey("accuracy"), last::toString);
            assertTrue(last.get("loss") < s.model().history().get(0).get("loss"), () -> s.model().history().toString());
        }
    }

    @Test
    void aSoftmaxLayerAsOutputTrainsThroughALossLayer() throws Exception {
        CompiledModel m = TrainingSessionTest.compile(SampleModels.merges(), TrainingSessionTest.CLASSIFY.withEpochs(3));
        try (TrainingSession s = new TrainingSession(m, synthetic(m), null, null)) {
            assertEquals(SessionState.FINISHED, s.start().get(60, TimeUnit.SECONDS));
            List<EpochResult> h = s.model().history();
            assertTrue(h.get(2).get("loss") < h.get(0).get("loss") && h.get(2).metrics().containsKey("accuracy"), h::toString);
        }
    }

    @Test
    void dataOfTheWrongShapeFailsWithASentence() throws Exception {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(2, 2)));
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 3, "activation", "softmax"));
        EventLog log = new EventLog();
        try (TrainingSession s = new TrainingSession(TrainingSessionTest.compile(b.graph(), TrainingSessionTest.CLASSIFY),
                TinyData.classification(), log, null)) {
            assertEquals(SessionState.FAILED, s.start().get(60, TimeUnit.SECONDS));
            String reason = log.end().message();
            assertEquals("The dataset's samples have shape (None, 4) but the model's Input expects (None, 2, 2). "
                    + "Change the Input's shape, add a Reshape, or choose another layout.", reason);
        }
    }
}
