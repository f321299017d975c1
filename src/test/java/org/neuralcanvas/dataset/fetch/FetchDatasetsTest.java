package org.neuralcanvas.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's fetch step as a command: its exit codes and sentences, without touching the network. */
class FetchDatasetsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return FetchDatasets.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anOptionIsNotTakenForAFolder() {
        assertEquals(2, run("--help"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("[datasets] Usage: FetchDatasets [CACHE_DIR]"));
    }

    @Test
    void aCacheFolderThatCannotBeMadeEndsInOneSentenceAndExitCode1(@TempDir Path dir) throws Exception {
        Path aFile = Files.writeString(dir.resolve("not-a-folder"), "x");

        int code = run(aFile.toString());

        assertEquals(1, code);
        String said = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(said.startsWith("[datasets] ERROR: The dataset cache " + aFile + " could not be created ("), said);
        assertTrue(said.endsWith("choose a writable folder with -Dneuralcanvas.datasets.dir=DIR."), said);
        assertEquals(1, said.lines().count());
    }
}
