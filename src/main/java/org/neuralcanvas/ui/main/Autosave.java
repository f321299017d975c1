package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.Document;
import org.neuralcanvas.ui.document.MainViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import javafx.application.Platform;
import org.neuralcanvas.project.AtomicFiles;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;
import org.neuralcanvas.ui.common.FxTicker;
import org.neuralcanvas.ui.common.UserFiles;

/**
 * Keeps a recovery copy of unsaved work. Every interval the FX thread takes the project's JSON
 * (a string snapshot, cheap) and the background executor writes it atomically. A clean save or a
 * normal exit deletes the copy; one found at start means the app did not exit normally.
 */
public final class Autosave {

    private final MainViewModel vm;
    private final UserFiles files;
    /** Not a Timeline: a playing animation would keep JavaFX pulsing 60 times a second all the time the window is open. */
    private final FxTicker timer;
    private long savedRevision = -1;
    private long savedOutsideChanges = -1;
    private Document savedDocument;
    private boolean failureLogged;

    public Autosave(MainViewModel vm, UserFiles files, Duration interval) {
        this.vm = vm;
        this.files = files;
        this.timer = new FxTicker("autosave-timer", interval, Platform::runLater, this::runOnce);
        vm.dirtyProperty().addListener((o, was, is) -> {
            if (!is) {
                clear();
            }
        });
    }

    public void start() {
        timer.play();
    }

    public void stop() {
        timer.dispose();
    }

    /** Writes the recovery copy if there is unsaved work not yet autosaved. Called on the FX thread. */
    public void runOnce() {
        Document doc = vm.document();
        long revision = doc.history().revision();
        long outside = vm.outsideChanges();
        // A finished run changes the project outside the undo history: it counts as a change to save too.
        if (!vm.dirtyProperty().get() || (doc == savedDocument && revision == savedRevision
                && outside == savedOutsideChanges)) {
            return;
        }
        String json = vm.snapshotJson();
        String origin = doc.file() == null ? "" : doc.file().toAbsolutePath().toString();
        savedDocument = doc;
        savedRevision = revision;
        savedOutsideChanges = outside;
        Path target = files.recoveryFile();
        Path originFile = originFile();
        vm.background().execute(() -> {
            try {
                AtomicFiles.writeString(target, json);
                AtomicFiles.writeString(originFile, origin);
                if (failureLogged) {
                    failureLogged = false;
                    Platform.runLater(() -> vm.autosaveFailureProperty().set(""));
                }
            } catch (IOException e) {
                // Autosave is a safety net; a failure here must not interrupt editing. Logged and shown once (in the
                // status bar, until a write works again), not every 30 s.
                if (!failureLogged) {
                    failureLogged = true;
                    org.slf4j.LoggerFactory.getLogger(Autosave.class).warn("Autosave to {} failed", target, e);
                    String why = target + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    Platform.runLater(() -> vm.autosaveFailureProperty().set(why));
                }
            }
        });
    }

    /** Deletes the recovery copy (after a save, or when the user leaves without unsaved work). */
    public void clear() {
        savedDocument = null;
        Path target = files.recoveryFile();
        Path origin = originFile();
        vm.background().execute(() -> {
            try {
                Files.deleteIfExists(target);
                Files.deleteIfExists(origin);
            } catch (IOException e) {
                // A stale copy is only offered again at the next start; nothing is lost.
            }
        });
    }

    private Path originFile() {
        return files.recoveryFile().resolveSibling("recovery.origin");
    }

    /** Recovered work from a previous run that did not end normally, if any (and readable). */
    public Optional<Recovered> findRecovery() {
        Path target = files.recoveryFile();
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        try {
            Project project = ProjectFile.read(target);
            Path origin = null;
            if (Files.isRegularFile(originFile())) {
                String text = Files.readString(originFile(), StandardCharsets.UTF_8).trim();
                origin = text.isEmpty() ? null : Path.of(text);
            }
            return Optional.of(new Recovered(project, origin));
        } catch (ProjectFileException | IOException e) {
            return Optional.empty();
        }
    }

    /** A recovered project and the file it came from (null when it was never saved). */
    public record Recovered(Project project, Path originalFile) {
    }
}
