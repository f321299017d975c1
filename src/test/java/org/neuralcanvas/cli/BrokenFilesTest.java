package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.TrainingSettings;

/**
 * Broken and hostile project files, made here from the sample project: each gets its sentence from the command
 * line, with exit code 1 and no stack trace, or is read as a user would expect (a byte-order mark, a null setting).
 */
class BrokenFilesTest extends CliTestBase {

    private Path variant(String name, String from, String to) throws Exception {
        Path file = dir.resolve(name);
        String json = Files.readString(project());
        Files.delete(dir.resolve("mnist-mlp.ncproj.json"));
        String changed = json.replaceFirst(from, to);
        assertFalse(changed.equals(json), "the variant differs from the sample: " + from);
        Files.writeString(file, changed);
        return file;
    }

    private void assertRefused(String expected, String... args) {
        assertEquals(1, run(args), errors());
        String all = printed() + errors();
        assertTrue(all.contains(expected), all);
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no stack trace: " + all);
    }

    @Test
    void zeroEpochsOrBatchSizeInTheFileIsASentence() throws Exception {
        Path epochs = variant("e.ncproj.json", "\"epochs\" *: *\\d+", "\"epochs\": 0");
        assertRefused("e.ncproj.json: epochs must be at least 1; it is 0.\nSet it in the Train panel; --epochs N and "
                + "--batch-size N replace the file's values.", "train", epochs.toString(), "--dataset", "synthetic",
                "--out", dir.toString());
        Path batch = variant("b.ncproj.json", "\"batchSize\" *: *\\d+", "\"batchSize\": -1");
        assertRefused("b.ncproj.json: batch_size must be at least 1; it is -1.",
                "train", batch.toString(), "--dataset", "synthetic", "--out", dir.toString());
    }

    @Test
    void aBatchSizeOfZeroIsTheSentenceTheFileAndTheTrainPanelGive() throws Exception {
        Path batch = variant("b0.ncproj.json", "\"batchSize\" *: *\\d+", "\"batchSize\": 0");
        // ProjectFileTest and TrainSettingsCheckTest assert this same sentence for the file and the Train panel.
        assertRefused("batch_size must be at least 1; it is 0.", "train", batch.toString(), "--dataset", "synthetic",
                "--out", dir.toString());
        assertFalse(errors().contains("by zero"), errors());
        // The option is held to the same range.
        out.reset();
        err.reset();
        Path fine = variant("ok.ncproj.json", "\"epochs\" *: *\\d+", "\"epochs\": 1");
        assertRefused("batch_size must be at least 1; it is 0.", "train", fine.toString(), "--batch-size", "0",
                "--dataset", "synthetic", "--out", dir.toString());
    }

    @Test
    void aNullOptimizerOrCallbackSetTakesItsDefaultAsAMissingOneDoes() throws Exception {
        Path file = variant("n.ncproj.json", "\"optimizer\" *: *\\{[^}]*\\}", "\"optimizer\": null");
        Files.writeString(file, Files.readString(file).replaceFirst("\"callbacks\" *: *\\{", "\"callbacks\": null, \"x\": {"));
        assertEquals(0, run("summary", file.toString()), errors());
        assertEquals(0, run("train", file.toString(), "--dataset", "synthetic", "--epochs", "1", "--out",
                dir.resolve("out").toString()), errors());
        assertFalse((printed() + errors()).contains("Exception"), errors());
    }

    @Test
    void encodingsFoldersAndDevicesAreNamed() throws Exception {
        Path utf16 = dir.resolve("u.ncproj.json");
        Files.write(utf16, Files.readString(project()).getBytes(StandardCharsets.UTF_16));
        assertRefused("u.ncproj.json is saved as UTF-16 text; NeuralCanvas reads UTF-8.", "summary", utf16.toString());
        assertRefused("is a folder, not a project file.", "summary", dir.toString());
        Path bom = dir.resolve("bom.ncproj.json");
        Files.writeString(bom, "\uFEFF" + Files.readString(dir.resolve("mnist-mlp.ncproj.json")));
        assertEquals(0, run("summary", bom.toString()), errors());
        Path deep = dir.resolve("deep.ncproj.json");
        Files.writeString(deep, "{\"format\": \"neuralcanvas-project\", \"version\": 1, \"graph\": " + "[".repeat(3000)
                + "]".repeat(3000) + "}");
        assertRefused("deep.ncproj.json is not a NeuralCanvas project: it is nested or sized beyond what any project is",
                "summary", deep.toString());
    }

    @Test
    @Tag("slow") // about 25 s: builds and checks a 10,000-layer graph
    void aModelOfTenThousandLayersIsRefusedBeforeAnythingIsBuilt() throws Exception {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        for (int i = 0; i < 10_000; i++) {
            b.then("Dense", Map.of("units", 4));
        }
        Path huge = dir.resolve("huge.ncproj.json");
        ProjectFile.write(new Project(b.graph(),
                TrainingSettings.defaults(), DatasetChoice.none(),
                List.of()), huge);
        assertRefused("huge.ncproj.json has 10,001 layers; NeuralCanvas opens models of up to 2,000 layers. Split the "
                + "model, or repeat its blocks fewer times.", "summary", huge.toString());
        assertRefused("has 10,001 layers", "train", huge.toString());
    }

    @Test
    void aSettingOutsideItsRangeIsTheSameSentenceOnTheCommandLine() throws Exception {
        Path file = variant("lr.ncproj.json", "\"learningRate\" *: *[0-9.eE-]+", "\"learningRate\": 1000000");
        assertRefused("learning_rate must be at most 10; it is 1,000,000.", "train", file.toString(), "--epochs", "1");
    }
}
