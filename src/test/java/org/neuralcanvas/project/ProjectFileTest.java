package org.neuralcanvas.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;

class ProjectFileTest {

    @TempDir
    Path dir;

    private static Project sampleProject() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        String c = b.add("Conv2D", Map.of("filters", 8, "kernel_size", List.of(3, 3), "padding", "same"), in);
        String p = b.add("MaxPooling2D", Map.of(), c);
        String f = b.add("Flatten", Map.of(), p);
        b.add("Dense", Map.of("units", 10, "activation", "softmax"), f);
        Project project = new Project(b.graph(), TrainingSettings.defaults().withEpochs(3).withSeed(7),
                new DatasetChoice("mnist", Map.of("layout", "image")), List.of());
        project.addRun(new RunRecord("run-1", "2026-11-24T06:00:00Z", project.settings(), "mnist", "finished",
                List.of(Map.of("loss", 0.5, "accuracy", 0.9))));
        return project;
    }

    @Test
    void saveThenOpenGivesTheSameProject() throws Exception {
        Project original = sampleProject();
        Path file = dir.resolve("cnn" + ProjectFile.EXTENSION);
        ProjectFile.write(original, file);
        Project loaded = ProjectFile.read(file);
        assertEquals(original.graph().nodes(), loaded.graph().nodes());
        assertEquals(original.graph().edges(), loaded.graph().edges());
        assertEquals(original.settings(), loaded.settings());
        assertEquals(original.dataset(), loaded.dataset());
        assertEquals(original.runs(), loaded.runs());
        assertEquals(ProjectFile.toJson(original), ProjectFile.toJson(loaded));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void theModelEachRunTrainedIsKeptAndADamagedOneIsNamedWithItsRun() throws Exception {
        Project project = sampleProject();
        project.keepRunGraph("run-1", project.graph());
        Path file = dir.resolve("runs" + ProjectFile.EXTENSION);
        ProjectFile.write(project, file);
        Project loaded = ProjectFile.read(file);
        assertEquals(project.graph().nodes(), loaded.runGraph("run-1").orElseThrow().nodes());
        assertEquals(project.graph().edges(), loaded.runGraph("run-1").orElseThrow().edges());
        assertTrue(loaded.runGraph("run-2").isEmpty());

        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(file.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("runGraphs")).put("run-1", "not a model");
        Path damaged = dir.resolve("damaged" + ProjectFile.EXTENSION);
        Files.writeString(damaged, mapper.writeValueAsString(tree));
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFile.read(damaged));
        assertTrue(e.getMessage().contains("(the model of run-1)"), e.getMessage());

        tree.remove("runGraphs");
        Path older = dir.resolve("older" + ProjectFile.EXTENSION);
        Files.writeString(older, mapper.writeValueAsString(tree));
        assertTrue(ProjectFile.read(older).runGraph("run-1").isEmpty(), "a file from before runs kept models opens");
    }

    @Test
    void aRunsSegmentsAndParentAreSavedAndARunWrittenBeforeThemReadsAsOneSegment() throws Exception {
        Project project = sampleProject();
        TrainingSettings first = project.settings();
        TrainingSettings slower = first.withOptimizer(first.optimizer().withLearningRate(1e-4)).withEpochs(5);
        RunRecord continued = new RunRecord("run-2", "2026-11-24T07:00:00Z", first, "mnist", "finished",
                List.of(Map.of("loss", 0.4)), null, null,
                List.of(new RunSegment(2, 1, first), new RunSegment(3, 40, slower)), "run-1");
        project.addRun(continued);
        Path file = dir.resolve("segments" + ProjectFile.EXTENSION);
        ProjectFile.write(project, file);
        RunRecord loaded = ProjectFile.read(file).runs().get(1);
        assertEquals(continued, loaded);
        assertEquals(2, loaded.firstEpoch(), "a continued run's epochs go on from its parent's");

        // A file saved before runs kept segments: no "segments", no "parent".
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(file));
        for (var run : tree.withArray("runs")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) run).remove(List.of("segments", "parent"));
        }
        Path older = dir.resolve("older" + ProjectFile.EXTENSION);
        Files.writeString(older, json.writeValueAsString(tree));
        RunRecord old = ProjectFile.read(older).runs().get(1);
        assertEquals(List.of(new RunSegment(1, 1, first)), old.segments(), "one segment, with the run's settings");
        assertEquals(null, old.parent());
        assertEquals(continued.history(), old.history());
    }

    @Test
    void savedFilesAreReadableByOthersLikeAnyNewFile() throws Exception {
        Path file = dir.resolve("shared" + ProjectFile.EXTENSION);
        ProjectFile.write(sampleProject(), file);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void newLayersAfterLoadingGetFreshIds() throws Exception {
        Project loaded = ProjectFile.parse(ProjectFile.toJson(sampleProject()), "x");
        String id = loaded.graph().newNodeId();
        assertTrue(loaded.graph().findNode(id).isEmpty());
    }

    @Test
    void versionOneSampleKeepsLoading() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/projects/mnist-mlp-v1.ncproj.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Project p = ProjectFile.parse(text, "mnist-mlp-v1.ncproj.json");
        assertEquals(List.of("input_1", "dense", "dense_1"), p.graph().nodes().stream().map(LayerNode::name).toList());
        assertEquals(407050, ModelSummary.of(p.graph(), ShapeInference.infer(p.graph())).totalParams());
        assertEquals("rmsprop", p.settings().optimizer().name());
        assertEquals(128, p.settings().batchSize());
        assertEquals("mnist", p.dataset().datasetId());
    }

    @Test
    void aHandEditedBatchSizeOfZeroOpensAndIsAProblemNotADivisionByZero() throws Exception {
        Path file = dir.resolve("edited" + ProjectFile.EXTENSION);
        String json = ProjectFile.toJson(sampleProject());
        String edited = json.replaceFirst("\"batchSize\" *: *\\d+", "\"batchSize\" : 0");
        assertTrue(!edited.equals(json), "the file was edited");
        Files.writeString(file, edited);
        Project p = ProjectFile.read(file);
        assertEquals(0, p.settings().batchSize(), "the file's value is kept, as a layer's wrong value is");
        // The sentence the command line (BrokenFilesTest) and the Train panel (TrainSettingsCheckTest) give too.
        assertEquals(List.of("batch_size must be at least 1; it is 0."), SettingRanges.problems(p.settings()));
    }

    @Test
    void aRunsTestResultsAreSavedWithItAndAnOlderFileWithoutThemStillOpens() throws Exception {
        Project original = sampleProject();
        RunRecord run = original.runs().get(0);
        RunRecord evaluated = run.withResults(new RunResults(4, Map.of("loss", 0.25, "accuracy", 0.75),
                List.of("cat", "dog"), new long[][] {{2, 1}, {0, 1}}));
        assertTrue(original.replaceRun(run, evaluated));
        Path file = dir.resolve("evaluated" + ProjectFile.EXTENSION);
        ProjectFile.write(original, file);
        RunResults back = ProjectFile.read(file).runs().get(0).results();
        assertEquals(4, back.samples());
        assertEquals(Map.of("loss", 0.25, "accuracy", 0.75), back.scores());
        assertEquals(List.of("cat", "dog"), back.classNames());
        assertArrayEquals(new long[][] {{2, 1}, {0, 1}}, back.confusion());
        assertEquals(List.of(), back.baselines(), "results without baselines");

        // The baselines beside a run are kept with its results, and results saved before them open without any.
        RunRecord withBaselines = evaluated.withResults(evaluated.results().withBaselines(List.of(
                new BaselineScores(BaselineScores.MAJORITY_CLASS, Map.of("accuracy", 0.5)),
                new BaselineScores(BaselineScores.LOGISTIC_REGRESSION, Map.of("accuracy", 0.7)))));
        assertTrue(original.replaceRun(evaluated, withBaselines));
        ProjectFile.write(original, file);
        assertEquals(withBaselines.results().baselines(), ProjectFile.read(file).runs().get(0).results().baselines());
        String noBaselines = ProjectFile.toJson(original).replaceAll(",\\s*\"baselines\" *: *\\[[^\\]]*\\]", "");
        assertTrue(!noBaselines.contains("baselines"), noBaselines);
        assertEquals(List.of(), ProjectFile.parse(noBaselines, "older.ncproj.json").runs().get(0).results().baselines());

        // A file saved before runs kept their results: the run opens, without results.
        String older = ProjectFile.toJson(sampleProject());
        assertTrue(!older.contains("\"results\" : {"), older);
        String withoutKey = older.replaceAll(",\\s*\"results\" *: *null", "");
        Project old = ProjectFile.parse(withoutKey, "older.ncproj.json");
        assertEquals(1, old.runs().size());
        assertEquals(null, old.runs().get(0).results());
        assertEquals(List.of(Map.of("loss", 0.5, "accuracy", 0.9)), old.runs().get(0).history());
    }

    private void assertRefused(String content, String expectedStart) throws IOException {
        Path file = dir.resolve("bad.ncproj.json");
        Files.writeString(file, content);
        byte[] before = Files.readAllBytes(file);
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFile.read(file));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "a bad file is never changed");
    }

    @Test
    void aUtf8ByteOrderMarkAsWindowsEditorsWriteIsAccepted() throws Exception {
        Path file = dir.resolve("notepad.ncproj.json");
        Files.writeString(file, "\uFEFF" + ProjectFile.toJson(sampleProject()), StandardCharsets.UTF_8);
        assertEquals(sampleProject().graph().nodes().size(), ProjectFile.read(file).graph().nodes().size());
    }

    @Test
    void otherEncodingsAreNamedWithWhatToDo() throws Exception {
        Path utf16 = dir.resolve("utf16.ncproj.json");
        Files.write(utf16, ("\uFEFF" + ProjectFile.toJson(sampleProject())).getBytes(StandardCharsets.UTF_16LE));
        ProjectFileException e16 = assertThrows(ProjectFileException.class, () -> ProjectFile.read(utf16));
        assertTrue(e16.getMessage().startsWith("utf16.ncproj.json is saved as UTF-16 text; NeuralCanvas reads UTF-8."),
                e16.getMessage());
        Path latin1 = dir.resolve("latin1.ncproj.json");
        Files.write(latin1, ProjectFile.toJson(sampleProject()).replace("\"dense", "\"d\u00e9nse")
                .getBytes(StandardCharsets.ISO_8859_1));
        ProjectFileException eLatin = assertThrows(ProjectFileException.class, () -> ProjectFile.read(latin1));
        assertTrue(eLatin.getMessage().startsWith("latin1.ncproj.json is not UTF-8 text (it may be saved as Windows ANSI"),
                eLatin.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithASentence() throws Exception {
        String deep = "{\"format\": \"neuralcanvas-project\", \"version\": 1, \"x\": " + "[".repeat(5000)
                + "]".repeat(5000) + "}";
        assertRefused(deep, "bad.ncproj.json is not a NeuralCanvas project: it is nested or sized beyond what any project is");
    }

    @Test
    void aFolderAPipeOrADeviceIsNamedAndNeverRead() throws Exception {
        ProjectFileException folder = assertThrows(ProjectFileException.class, () -> ProjectFile.read(dir));
        assertTrue(folder.getMessage().endsWith("is a folder, not a project file. Choose a .ncproj.json file inside it."),
                folder.getMessage());
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device), "a Unix device to open");
        ProjectFileException notRegular = assertThrows(ProjectFileException.class, () -> ProjectFile.read(device));
        assertTrue(notRegular.getMessage().startsWith("null is not a regular file (it is a pipe, a socket or a device)"),
                notRegular.getMessage());
    }

    @Test
    void truncatedFileIsReportedAsIncomplete() throws Exception {
        String json = ProjectFile.toJson(sampleProject());
        assertRefused(json.substring(0, json.length() / 2), "bad.ncproj.json is incomplete: it ends before the project does");
    }

    @Test
    void brokenJsonIsReportedWithItsPosition() throws Exception {
        assertRefused("{\"format\": \"neuralcanvas-project\", \"version\": 1,, }",
                "bad.ncproj.json is not a NeuralCanvas project: it is not valid JSON (line 1, column");
    }

    @Test
    void foreignJsonIsRecognised() throws Exception {
        assertRefused("{\"class_name\": \"Sequential\", \"config\": {}}", "bad.ncproj.json is not a NeuralCanvas project file");
    }

    @Test
    void newerVersionAsksForAnUpdate() throws Exception {
        assertRefused("{\"format\": \"neuralcanvas-project\", \"version\": 9, \"graph\": {}}",
                "bad.ncproj.json was saved by a newer NeuralCanvas (file format 9; this version reads format 1");
    }

    @Test
    void unknownLayerTypeIsNamed() throws Exception {
        assertRefused("{\"format\": \"neuralcanvas-project\", \"version\": 1, \"graph\": {\"nodes\": "
                        + "[{\"id\": \"n1\", \"type\": \"Transformer\", \"name\": \"t\"}], \"edges\": []}}",
                "bad.ncproj.json: layer 't' has an unknown type 'Transformer'");
    }

    @Test
    void binaryFileIsNotAProject() throws Exception {
        Path file = dir.resolve("model.zip");
        Files.write(file, new byte[] {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, (byte) 0xfe, 0});
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFile.read(file));
        assertTrue(e.getMessage().startsWith("model.zip is not a NeuralCanvas project"), e.getMessage());
    }

    @Test
    void wrongParameterTypeOpensAndIsReportedOnTheLayer() throws Exception {
        Project p = ProjectFile.parse("{\"format\": \"neuralcanvas-project\", \"version\": 1, \"graph\": {\"nodes\": ["
                + "{\"id\": \"n1\", \"type\": \"Input\", \"name\": \"input_1\", \"params\": {\"shape\": [8]}},"
                + "{\"id\": \"n2\", \"type\": \"Dense\", \"name\": \"dense\", \"params\": {\"units\": \"many\"}}],"
                + "\"edges\": [{\"from\": \"n1\", \"to\": \"n2\"}]}}", "odd.json");
        assertEquals("many", p.graph().node("n2").params().get("units"));
        assertEquals("dense: units must be a whole number; it is 'many'.",
                ShapeInference.infer(p.graph()).problems().get(0).message());
    }

    @Test
    void failedSaveLeavesTheOldFileIntact() throws Exception {
        Path file = dir.resolve("keep.ncproj.json");
        ProjectFile.write(sampleProject(), file);
        byte[] good = Files.readAllBytes(file);
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("{\"format\": \"neur".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertArrayEquals(good, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is removed");
        }
    }

    @Test
    void aPublishedResultIsSavedAndAFileWithoutOneHasNone() throws Exception {
        Project fromTemplate = new org.neuralcanvas.project.templates.Templates().find("mnist_mlp").orElseThrow()
                .newProject();
        Path file = dir.resolve("published" + ProjectFile.EXTENSION);
        ProjectFile.write(fromTemplate, file);
        Project loaded = ProjectFile.read(file);
        assertEquals(fromTemplate.published(), loaded.published());
        assertEquals(List.of("epochs", "batch_size", "optimizer", "learning_rate", "loss", "validation_split"),
                List.copyOf(loaded.published().orElseThrow().settings().keySet()), "the tutorial's order is kept");
        assertEquals(ProjectFile.toJson(fromTemplate), ProjectFile.toJson(loaded));
        // Older files and other projects have no entry, and write none.
        assertTrue(ProjectFile.parse(ProjectFile.toJson(sampleProject()), "older.ncproj.json").published().isEmpty());
        assertTrue(!ProjectFile.toJson(sampleProject()).contains("\"published\""));
        String nulled = ProjectFile.toJson(sampleProject()).replaceFirst("\\{", "{\"published\": null,");
        assertTrue(ProjectFile.parse(nulled, "nulled.ncproj.json").published().isEmpty());
    }

    @Test
    void aDamagedPublishedResultIsNamedInASentence() {
        String good = ProjectFile.toJson(new org.neuralcanvas.project.templates.Templates().find("imdb").orElseThrow()
                .newProject());
        String backwards = good.replace("\"low\" : 0.875", "\"low\" : 0.95");
        ProjectFileException e = assertThrows(ProjectFileException.class, () -> ProjectFile.parse(backwards, "b.json"));
        assertEquals("b.json has a damaged \"published\" entry (the tutorial's published result): its band 0.95–0.895 "
                + "is not a range of numbers from low to high. Remove the entry to open the project without it.",
                e.getMessage());
        String text = good.replace("\"low\" : 0.875", "\"low\" : \"high\"");
        e = assertThrows(ProjectFileException.class, () -> ProjectFile.parse(text, "t.json"));
        assertTrue(e.getMessage().startsWith("t.json has a damaged \"published\" entry"), e.getMessage());
        String notAnObject = ProjectFile.toJson(sampleProject()).replaceFirst("\\{", "{\"published\": [1],");
        e = assertThrows(ProjectFileException.class, () -> ProjectFile.parse(notAnObject, "a.json"));
        assertTrue(e.getMessage().contains("it is not an object"), e.getMessage());
    }
}
