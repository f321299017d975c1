package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.templates.Templates;

class TrainCommandTest extends CliTestBase {

    @Test
    void trainsAProjectWithKerasStyleProgressAndWritesModelAndHistory() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, run("train", project().toString(), "--dataset", "synthetic", "--epochs", "2", "--out", out.toString()),
                err::toString);
        String text = this.out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Epoch 1/2\n") && text.contains("Epoch 2/2\n"), text);
        assertTrue(Pattern.compile("16/16 \\[==============================\\] - \\d+s \\d+ms/step - loss: \\d+\\.\\d{4} - accuracy: 0\\.\\d{4}")
                .matcher(text).find(), text);
        assertTrue(text.contains("Test: 400 samples - loss: "), text);
        assertTrue(Files.size(out.resolve("mnist-mlp" + ModelStore.EXTENSION)) > 1_000_000, "the weights are saved");
        List<String> csv = Files.readAllLines(out.resolve("mnist-mlp-history.csv"));
        assertEquals("epoch,loss,accuracy,learning_rate", csv.get(0), "the same CSV the app exports for a run");
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("1,"), "epochs counted as the log shows them");
    }

    @Test
    void anEarlierRunsModelIsReplacedOnlyWithForce() throws Exception {
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Path earlier = out.resolve("mnist-mlp" + ModelStore.EXTENSION);
        Files.writeString(earlier, "the model of yesterday");
        Path project = project();
        assertEquals(1, run("train", project.toString(), "--dataset", "synthetic", "--epochs", "1", "--out", out.toString()));
        assertTrue(errors().contains(earlier + " exists from an earlier run. Add --force to replace it"), errors());
        assertEquals("the model of yesterday", Files.readString(earlier));
        assertEquals(0, run("train", project.toString(), "--dataset", "synthetic", "--epochs", "1", "--out", out.toString(),
                "--force"), errors());
        assertTrue(Files.size(earlier) > 1_000_000, "replaced by the new model");
    }

    @Test
    void anUnknownDatasetIsASentenceNotAStackTrace() throws Exception {
        assertEquals(1, run("train", project().toString(), "--dataset", "cifar10", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("The dataset 'cifar10' is not one of the bundled datasets."),
                err::toString);
    }

    @Test
    void aDatasetThatDoesNotFitTheModelSaysHowToFixIt() throws Exception {
        assertEquals(1, run("train", project().toString(), "--dataset", "iris", "--out", dir.toString()));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Set the Input's shape to [4]"), text);
    }

    @Test
    void badNumbersAreRefused() throws Exception {
        assertEquals(1, run("train", project().toString(), "--epochs", "zero"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--epochs needs a whole number, not 'zero'."), err::toString);
        assertEquals(2, run("train"));
    }

    @Test
    void kFoldPrintsALinePerFoldAndTheirTableAndSavesTheMeanCurveButNoModel() throws Exception {
        Path out = dir.resolve("folds");
        assertEquals(0, run("train", boston().toString(), "--epochs", "3", "--kfold", "3", "--out", out.toString()), errors());
        String text = printed();
        for (int fold = 1; fold <= 3; fold++) {
            assertTrue(Pattern.compile("Fold " + fold + "/3 - 3 epochs - \\d+s - loss: \\d+\\.\\d{4} - mae: \\d+\\.\\d{4}"
                    + " - val_loss: \\d+\\.\\d{4} - val_mae: \\d+\\.\\d{4}").matcher(text).find(), text);
        }
        assertTrue(Pattern.compile("mean +\\d+\\.\\d{4} ± \\d+\\.\\d{4}").matcher(text).find(), text);
        assertTrue(text.contains("The smoothed mean val_mae is lowest at epoch "), text);
        assertTrue(text.contains("--validation split --epochs "), "says how to train the final model: " + text);
        assertTrue(!Files.exists(out.resolve("boston" + ModelStore.EXTENSION)), "no model from cross-validation");
        List<String> csv = Files.readAllLines(out.resolve("boston-history.csv"));
        assertEquals(4, csv.size(), "the mean curve has one row per epoch");
        assertTrue(csv.get(0).contains("val_mae"), csv.get(0));
    }

    @Test
    void aBadValidationChoiceOrFoldCountIsASentence() throws Exception {
        Path project = boston();
        assertEquals(1, run("train", project.toString(), "--validation", "holdout"));
        assertTrue(errors().contains("--validation is split (validation_split of the training data) or test"), errors());
        assertEquals(1, run("train", project.toString(), "--kfold", "1"));
        assertTrue(errors().toLowerCase().contains("fold"), errors());
    }

    @Test
    void kFoldNeedsADatasetThatCanBeDealt() throws Exception {
        assertEquals(1, run("train", project().toString(), "--dataset", "synthetic", "--kfold", "3"));
        assertTrue(errors().contains("synthetic cannot be dealt into folds"), errors());
    }

    /** The Boston-housing template saved as a project file. */
    private Path boston() throws Exception {
        Path file = dir.resolve("boston.ncproj.json");
        ProjectFile.write(new Templates().find("boston_housing").orElseThrow().newProject(), file);
        return file;
    }
}
