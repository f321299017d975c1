package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.io.ModelFileException;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedModelReloadsAndPredictsTheSameAndCanContinueTraining() throws Exception {
        CompiledModel compiled = TrainingSessionTest.compile(TinyData.classifier(), TrainingSessionTest.CLASSIFY.withEpochs(2));
        TrainedModel trained;
        try (TrainingSession s = new TrainingSession(compiled, TinyData.classification(), null, null)) {
            assertEquals(SessionState.FINISHED, s.start().get(60, TimeUnit.SECONDS));
            trained = s.model();
        }
        Path file = dir.resolve("model" + ModelStore.EXTENSION);
        ModelStore.save(trained, file);

        TrainedModel loaded = ModelStore.load(file);
        INDArray x = TinyData.firstSamples(TinyData.blobs(10, 9), 10);
        assertEquals(trained.predict(x), loaded.predict(x));
        assertEquals(trained.history(), loaded.history());
        assertEquals(DataDescriptor.multiclass(3), loaded.descriptor());
        assertEquals("dense_1", loaded.compiled().graph().nodes().get(2).name());

        try (TrainingSession more = new TrainingSession(loaded, TinyData.classification(), null, null)) {
            assertEquals(SessionState.FINISHED, more.continueTraining(1).get(60, TimeUnit.SECONDS));
            assertEquals(List.of(1, 2, 3), loaded.history().stream().map(r -> r.epoch()).toList());
        }
    }

    @Test
    void channelsLastReshapesSurviveSaving() throws Exception {
        for (ModelGraph g : List.of(SampleModels.reshapes(), SampleModels.text(), SampleModels.globalPooling1d())) {
            CompiledModel compiled = TrainingSessionTest.compile(g, TrainingSettings.defaults().withLoss("mse"));
            ComputationGraph net = new ComputationGraph(compiled.configuration());
            net.init();
            TrainedModel model = new TrainedModel(net, compiled, DataDescriptor.regression(), List.of());
            Path file = dir.resolve("m.zip");
            ModelStore.save(model, file);
            TrainedModel loaded = ModelStore.load(file);
            INDArray x = CompileParityTest.sample(compiled.inputShapes().get(0));
            assertEquals(model.predict(x), loaded.predict(x));
        }
    }

    @Test
    void aZipWhoseProjectEntryInflatesToAGigabyteIsRefusedWithoutAllocatingIt() throws Exception {
        // Made on the fly: a gibibyte of zeros deflates to about a megabyte.
        Path bomb = dir.resolve("bomb" + ModelStore.EXTENSION);
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            for (String small : List.of("configuration.json", "coefficients.bin")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(small));
                zip.write(new byte[] {'{', '}'});
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry(ModelStore.PROJECT_ENTRY));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(Files.size(bomb) < 20L * 1024 * 1024, "the file itself is small: " + Files.size(bomb));
        long heapBefore = usedHeap();
        ModelFileException load = assertThrows(ModelFileException.class, () -> ModelStore.load(bomb));
        assertTrue(load.getMessage().startsWith("bomb.nc.zip is not a model saved by NeuralCanvas: its entry "
                + ModelStore.PROJECT_ENTRY + " unpacks to more than 16 MB"), load.getMessage());
        ModelFileException project = assertThrows(ModelFileException.class, () -> ModelStore.readProject(bomb));
        assertEquals(load.getMessage(), project.getMessage());
        assertTrue(usedHeap() - heapBefore < 256L * 1024 * 1024, "nothing near a gibibyte was allocated");
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void aBrokenFileGivesAClearMessage() throws Exception {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(text));
        assertTrue(e.getMessage().startsWith("notes.zip is not a model file"), e.getMessage());

        Path missing = dir.resolve("gone.zip");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelStore.load(missing)).getMessage().contains("does not exist"));

        Path emptyZip = dir.resolve("empty.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(emptyZip))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.closeEntry();
        }
        assertTrue(assertThrows(ModelFileException.class, () -> ModelStore.load(emptyZip)).getMessage()
                .contains("not a trained model"));
    }
}
