package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.MainViewModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.common.UserFiles;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing is lost: a run that finished in a project never saved by hand is in the recovery copy, so it survives the
 * process being killed with SIGKILL (no exit hook, no clean shutdown) and is offered again at the next start.
 */
@Tag("slow") // a second JVM that starts JavaFX and ND4J and trains
class RecoveryAfterKillTest {

    @TempDir
    Path home;

    private Optional<Autosave.Recovered> recovery() {
        UserFiles files = new UserFiles(home);
        return new Autosave(new MainViewModel(files, Runnable::run), files, java.time.Duration.ofMinutes(1)).findRecovery();
    }

    @Test
    void aFinishedRunNeverSavedByHandIsRecoveredAfterTheProcessIsKilled() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g"));
        // The same headless glass the TestFX tests run on (the pom's surefire properties).
        for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text", "java.awt.headless")) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.add(TrainThenWaitMain.class.getName());
        command.add(home.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        try {
            CompletableFuture<String> recorded = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    StringBuilder seen = new StringBuilder();
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("RECORDED ")) {
                            return line.substring("RECORDED ".length());
                        }
                        seen.append(line).append('\n');
                    }
                    return "ended without a run:\n" + seen;
                } catch (java.io.IOException e) {
                    return "unreadable: " + e;
                }
            });
            assertEquals("run-1", recorded.get(180, TimeUnit.SECONDS), "the child trained and recorded its run");
            // Autosave writes on its own timer; wait for it, as a user would have to (no save by hand, ever).
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> recovery().map(r -> !r.project().runs().isEmpty()).orElse(false));
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux and macOS
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by signal 9, not ended normally");

        Autosave.Recovered recovered = recovery().orElseThrow(() -> new AssertionError("no recovery copy in " + home));
        assertNull(recovered.originalFile(), "a template never saved");
        RunRecord run = recovered.project().runs().get(0);
        assertEquals("run-1", run.id());
        assertEquals("finished", run.outcome());
        assertEquals(recovered.project().settings().epochs(), run.history().size(), "every epoch of the run");
        assertNotNull(run.results(), "with its test results");
        assertTrue(Files.isRegularFile(new UserFiles(home).recoveryFile()));
    }
}
