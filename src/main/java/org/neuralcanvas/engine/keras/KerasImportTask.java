package org.neuralcanvas.engine.keras;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Keras import in the background: progress as it goes, Cancel at any time, and
 * with its reading bounded by {@link KerasImportOptions#timeout()}. The caller supplies the executor (the app
 * its background executor, tests {@code Runnable::run}); progress is reported on that thread, so a
 * UI marshals it onto its own thread.
 *
 * <pre>{@code
 * KerasImportTask task = new KerasImportTask(new KerasImporter(), file, KerasImportOptions.defaults());
 * task.start(executor, (fraction, step) -> ...).whenComplete((result, error) -> ...);
 * cancelButton.setOnAction(e -> task.cancel());
 * }</pre>
 * The future fails with {@link KerasImportException} (the user's sentence) when the file cannot be
 * opened, and with {@link java.util.concurrent.CancellationException} when cancelled.
 */
public final class KerasImportTask {

    private final KerasImporter importer;
    private final Path file;
    private final KerasImportOptions options;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<KerasImportResult> result = new CompletableFuture<>();

    public KerasImportTask(KerasImporter importer, Path file, KerasImportOptions options) {
        this.importer = importer;
        this.file = file;
        this.options = options;
    }

    /** Starts the import on the executor; call once. */
    public CompletableFuture<KerasImportResult> start(Executor executor, ImportProgress progress) {
        executor.execute(() -> {
            try {
                result.complete(importer.importFile(file, options, progress, cancelled::get));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Stops the import as soon as it next looks; the future then fails with a CancellationException. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public CompletableFuture<KerasImportResult> result() {
        return result;
    }
}
