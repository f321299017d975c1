package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SummaryCommandTest extends CliTestBase {

    @Test
    void printsTheSummaryOfASavedProject() throws Exception {
        Path file = dir.resolve("mnist-mlp.ncproj.json");
        try (var in = getClass().getResourceAsStream("/projects/mnist-mlp-v1.ncproj.json")) {
            Files.copy(in, file);
        }
        assertEquals(0, run("summary", file.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Model: \"mnist-mlp\""), text);
        assertTrue(text.contains("Total params: 407,050"), text);
    }

    @Test
    void missingFileIsASentenceNotATrace() {
        assertEquals(1, run("summary", dir.resolve("nope.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("The project file "), err::toString);
    }

    @Test
    void newWritesATemplateProjectThatSummarises() {
        Path file = dir.resolve("reuters.ncproj.json");
        assertEquals(0, run("new", "reuters", file.toString()));
        out.reset();
        assertEquals(0, run("summary", file.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Total params: 647,214"), out::toString);
    }

    @Test
    void newNeverReplacesAnExistingFileWithoutForce() throws Exception {
        Path file = dir.resolve("mine.ncproj.json");
        Files.writeString(file, "my own work");
        assertEquals(1, run("new", "reuters", file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(file + " exists. Add --force to replace it"), err::toString);
        assertEquals("my own work", Files.readString(file), "nothing the user made is lost");
        assertEquals(0, run("new", "reuters", file.toString(), "--force"));
        assertTrue(Files.readString(file).contains("neuralcanvas-project"));
    }

    @Test
    void newRefusesAnUnknownTemplateAndNamesTheOthers() {
        assertEquals(1, run("new", "gpt", dir.resolve("x.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("There is no template 'gpt'. Templates: mnist_mlp"), err::toString);
        assertTrue(Files.notExists(dir.resolve("x.json")));
    }

    @Test
    void unknownCommandPrintsHelp() {
        assertEquals(2, run("fly"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("summary PROJECT.json"));
    }
}
