package org.neuralcanvas.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line as a user would and keeps what it printed; a temporary folder per test. */
abstract class CliTestBase {

    @TempDir
    Path dir;

    protected final ByteArrayOutputStream out = new ByteArrayOutputStream();
    protected final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs {@code neuralcanvas ARGS...}; returns the exit code. */
    protected int run(String... args) {
        return NeuralCanvasCli.standard().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    protected String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    protected String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The format-1 MNIST MLP sample project, copied into the test's folder. */
    protected Path project() throws IOException {
        Path file = dir.resolve("mnist-mlp.ncproj.json");
        try (InputStream in = getClass().getResourceAsStream("/projects/mnist-mlp-v1.ncproj.json")) {
            Files.copy(in, file);
        }
        return file;
    }
}
