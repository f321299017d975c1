package org.neuralcanvas.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.dataset.TaskKind;
import org.neuralcanvas.dataset.own.OwnDataSpec;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.TrainingSettings;

/** A project saved with a CSV table of one's own keeps it by path and checksum and reloads it; a changed file is a problem. */
class OwnDataProjectTest {

    @TempDir
    Path dir;

    private static final String TABLE = "x,y\n" + "1,3\n2,5\n3,7\n4,9\n5,11\n6,13\n7,15\n8,17\n9,19\n10,21\n";

    @Test
    void aProjectSavedWithItsOwnTableReloadsItAndAChangedFileIsAProblemNotACrash() throws Exception {
        Path csv = dir.resolve("line.csv");
        Files.writeString(csv, TABLE);
        BundledTrainingData data = new BundledTrainingData(BundledDatasets.standard());
        DatasetChoice chosen = data.loadOwn(OwnDataChoices.choice(OwnDataSpec.csv(csv), Map.of()));
        assertEquals("own:line.csv", chosen.datasetId());
        assertEquals(64, chosen.options().get(OwnDataChoices.SHA256).length());

        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(1)));
        b.then("Dense", Map.of("units", 1));
        ModelGraph graph = b.graph();
        Project project = new Project(graph, TrainingSettings.defaults().withLoss("mse"), chosen, List.of());
        Path file = dir.resolve("own.ncproj.json");
        ProjectFile.write(project, file);

        // Opened again in a fresh app: the choice names the file; it is read (in the background) and fits the graph.
        DatasetChoice back = ProjectFile.read(file).dataset();
        assertEquals(chosen, back);
        BundledTrainingData fresh = new BundledTrainingData(BundledDatasets.standard());
        assertTrue(fresh.needsLoading(back));
        fresh.loadOwn(back);
        assertFalse(fresh.needsLoading(back));
        assertEquals(TaskKind.MULTICLASS,
                fresh.descriptor(back).orElseThrow().task(), "ten different numbers: classes, as detected");
        DatasetChoice asRegression = OwnDataChoices.choice(OwnDataChoices.spec(back).orElseThrow()
                .withTarget("y", OwnDataSpec.Task.REGRESSION), back.options());
        fresh.loadOwn(asRegression);
        assertTrue(fresh.check(asRegression, TrainingSettings.defaults().withLoss("mse"), graph).fits(),
                fresh.check(asRegression, TrainingSettings.defaults().withLoss("mse"), graph).problems().toString());
        assertEquals(8, fresh.prepare(asRegression, TrainingSettings.defaults()).trainingData().train().next(100)
                .numExamples(), "eight of ten rows train");

        Files.writeString(csv, TABLE + "11,23\n");
        BundledTrainingData later = new BundledTrainingData(BundledDatasets.standard());
        try {
            later.loadOwn(back);
        } catch (org.neuralcanvas.dataset.DatasetException expected) {
            // the sentence is what the Train panel's check shows
        }
        DatasetFit fit = later.check(back, TrainingSettings.defaults(), graph);
        assertFalse(fit.fits());
        assertTrue(fit.problems().get(0).startsWith(csv + " has changed since it was added to this project"),
                fit.problems().toString());
    }
}
