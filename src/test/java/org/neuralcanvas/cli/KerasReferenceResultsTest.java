package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line reproduces the results the Keras tutorials publish, on the real bundled
 * datasets, with each template's tutorial settings (seeded, so a run repeats):
 * MNIST 784-512-10 rmsprop 5 epochs, IMDB 16-16-1 multi-hot 4 epochs, Reuters 64-64-46 9 epochs,
 * Boston housing 64-64-1 standardised 80 epochs.
 */
@Tag("slow") // about 3 minutes on 2 cores: four tutorial trainings on the real datasets
class KerasReferenceResultsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: test {1} {2} {3}")
    @CsvSource({
        "mnist_mlp,      accuracy, >=, 0.975",
        "imdb,           accuracy, >=, 0.87",
        "reuters,        accuracy, >=, 0.76",
        "boston_housing, mae,      <=, 3.0",
    })
    void templateReachesThePublishedKerasResult(String template, String metric, String direction, double bound) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Path project = dir.resolve(template + ".ncproj.json");
        assertEquals(0, NeuralCanvasCli.standard().run(List.of("new", template, project.toString()), o, e), err::toString);
        assertEquals(0, NeuralCanvasCli.standard().run(List.of("train", project.toString(), "--out", dir.toString()), o, e),
                err::toString);
        String log = out.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Test: \\d+ samples - .*\\b" + metric + ": (\\d+\\.\\d+)").matcher(log);
        assertTrue(m.find(), log);
        double value = Double.parseDouble(m.group(1));
        assertTrue(">=".equals(direction) ? value >= bound : value <= bound,
                template + ": test " + metric + " " + value + " should be " + direction + " " + bound + "\n" + log);
    }
}
