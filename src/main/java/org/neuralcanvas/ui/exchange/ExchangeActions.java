package org.neuralcanvas.ui.exchange;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.keras.ImportIssue;
import org.neuralcanvas.engine.keras.KerasImportException;
import org.neuralcanvas.engine.keras.KerasImportOptions;
import org.neuralcanvas.engine.keras.KerasImportResult;
import org.neuralcanvas.engine.keras.KerasImportTask;
import org.neuralcanvas.engine.keras.KerasImporter;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.export.layout.LayeredLayout;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;
import org.neuralcanvas.ui.canvas.NodeView;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.document.MainViewModel;
import org.neuralcanvas.ui.document.Prompts;
import org.neuralcanvas.ui.document.ReplaceGuard;

/**
 * Export the open model (diagram, Keras code) and import a Keras model. The file work runs on
 * the background executor; the FX thread only takes a snapshot of the project and shows the
 * outcome.
 */
public final class ExchangeActions {

    /** Shows an import's progress and lets the user cancel it; closed when the import ends. */
    public interface ImportProgressView {
        void show(Runnable onCancel);

        void update(double fraction, String step);

        void close();
    }

    private final MainViewModel vm;
    private final ReplaceGuard files;
    private final ExchangeDialogs dialogs;
    private final Prompts prompts;
    private final Supplier<I18n> i18n;
    private final Executor io;
    private final Executor importer;
    private final ExportWriter writer = new ExportWriter();

    /**
     * @param io       runs the exports (the app's I/O thread; tests pass {@code Runnable::run})
     * @param importer runs Keras imports, which may take long and must not hold up saves
     */
    public ExchangeActions(MainViewModel vm, ReplaceGuard files, ExchangeDialogs dialogs, Prompts prompts,
                           Supplier<I18n> i18n, Executor io, Executor importer) {
        this.vm = vm;
        this.files = files;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.i18n = i18n;
        this.io = io;
        this.importer = importer;
    }

    public void exportDiagram() {
        dialogs.chooseExportFile(ExchangeDialogs.ExportKind.DIAGRAM, baseName()).ifPresent(target -> {
            var graph = vm.document().graph().copy();
            inBackground(() -> writer.writeDiagram(graph, target), "export.diagram.failed");
        });
    }

    public void exportKerasCode() {
        dialogs.chooseExportFile(ExchangeDialogs.ExportKind.KERAS_CODE, baseName().replace('-', '_')).ifPresent(target -> {
            // A copy through the file format: the export thread never reads the live graph.
            Project snapshot;
            try {
                snapshot = ProjectFile.parse(vm.snapshotJson(), "snapshot");
            } catch (ProjectFileException e) {
                throw new IllegalStateException("A project always reads back", e);
            }
            inBackground(() -> writer.writeKerasCode(snapshot, target), "export.keras.failed");
        });
    }

    /**
     * Imports a Keras .h5 model as a new, unsaved project; what could not be brought over is
     * listed to the user. The import can be cancelled and is bounded in time by the importer.
     */
    public void importKeras(ImportProgressView progressView, Consumer<KerasImportResult> onImported) {
        if (!files.mayReplace(() -> importKeras(progressView, onImported))) {
            return;
        }
        dialogs.chooseKerasModel().ifPresent(file -> {
            KerasImportTask task = new KerasImportTask(new KerasImporter(), file, KerasImportOptions.defaults());
            progressView.show(task::cancel);
            task.start(importer, (fraction, step) -> Platform.runLater(() -> progressView.update(fraction, step)))
                    .whenComplete((result, error) -> {
                        if (result != null) {
                            layOut(result.project()); // ELK on the import's thread: the graph is not shown yet
                        }
                        Platform.runLater(() -> {
                            progressView.close();
                            finishImport(file, result, error, onImported);
                        });
                    });
        });
    }

    private void finishImport(Path file, KerasImportResult result, Throwable error, Consumer<KerasImportResult> onImported) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            return;
        }
        if (cause != null) {
            String message = cause instanceof KerasImportException ? cause.getMessage()
                    : i18n.get().format("import.keras.unexpected", file.getFileName(), String.valueOf(cause.getMessage()));
            prompts.showError(i18n.get().get("import.keras.failed"), message);
            return;
        }
        vm.openUntitled(result.project(), file.getFileName().toString());
        onImported.accept(result);
        if (!result.issues().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (ImportIssue issue : result.issues()) {
                sb.append("• ").append(issue.message()).append('\n');
            }
            // What became of the weights: loaded and checked, or why not.
            sb.append('\n').append(String.join(" ", result.messages()));
            // "could not be brought over" only where something was left out; otherwise what changed on the way.
            String header = result.complete() ? "import.keras.changed" : "import.keras.partial";
            prompts.showError(i18n.get().format(header, file.getFileName()), sb.toString().strip());
        }
    }

    private String baseName() {
        String name = vm.displayNameProperty().get();
        return name == null || name.isEmpty() ? "model"
                : name.replaceFirst("(\\.ncproj)?\\.json$", "").replaceFirst("\\.(h5|hdf5|keras)$", "");
    }

    /** An imported graph laid out top to bottom (ELK, as Auto Layout does), not left stacked as the file lists it. */
    private static void layOut(Project project) {
        var graph = project.graph();
        if (graph.nodeCount() == 0 || graph.nodeCount() > ModelGraph.MAX_LAYERS) {
            return;
        }
        var result = new LayeredLayout(30, 40).keepingModelOrder().layout(graph,
                n -> new double[] {NodeView.WIDTH, NodeView.HEIGHT});
        result.nodes().forEach((id, box) -> graph.replaceNode(graph.node(id).withPosition(Math.round(box.x()),
                Math.round(box.y()))));
    }

    /** Work that may fail with an export sentence; the sentence is shown on the FX thread. */
    private interface ExportJob {
        void run() throws ExportException;
    }

    private void inBackground(ExportJob job, String titleKey) {
        io.execute(() -> {
            try {
                job.run();
            } catch (ExportException e) {
                Platform.runLater(() -> prompts.showError(i18n.get().get(titleKey), e.getMessage()));
            }
        });
    }
}
