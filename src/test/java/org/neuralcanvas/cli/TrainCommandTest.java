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
}
