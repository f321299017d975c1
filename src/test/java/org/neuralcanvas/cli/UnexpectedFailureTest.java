package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The command line's catch-all: whatever a command throws becomes one sentence and exit code 1. */
class UnexpectedFailureTest {

    @Test
    void anythingACommandThrowsIsOneSentenceNamingTheCommandAndTheLog() {
        assertSentence(() -> new IllegalArgumentException("Invalid batch size: 0"), "Invalid batch size: 0");
        assertSentence(() -> new IllegalStateException(new RuntimeException("the innermost reason")),
                "java.lang.RuntimeException: the innermost reason");
        assertSentence(NullPointerException::new, "an internal error without a description");
        assertSentence(() -> new OutOfMemoryError("Java heap space"), "it ran out of memory");
    }

    private static void assertSentence(Supplier<Throwable> failure, String reason) {
        CliCommand failing = new CliCommand() {
            @Override
            public String name() {
                return "train";
            }

            @Override
            public String usage() {
                return "train PROJECT";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                Throwable t = failure.get();
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new NeuralCanvasCli(List.of(failing)).run(List.of("train", "p.json"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed);
        assertTrue(printed.startsWith("NeuralCanvas could not finish 'train': "), printed);
        assertTrue(printed.contains(reason), printed);
        assertTrue(printed.contains(org.neuralcanvas.project.AppFolders.logFile().toString()), printed);
        assertEquals(1, printed.strip().lines().count(), "one sentence: " + printed);
        assertFalse(printed.contains("\tat ") || printed.contains("Exception in"), printed);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
