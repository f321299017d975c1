package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.Prompts;
import org.neuralcanvas.ui.document.MainViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.neuralcanvas.domain.text.ByteSizes;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.document.ReplaceGuard;

/**
 * New, Open, Save, Save As and recent files, with the "save changes first?" question wherever
 * unsaved work would be replaced. Dialogs come in through {@link FileDialogs} and {@link Prompts}.
 */
public final class FileActions {

    private final MainViewModel vm;
    private final FileDialogs dialogs;
    private final Prompts prompts;
    private final Supplier<I18n> i18n;
    private final Executor io;
    private final Executor fx;
    private final java.util.List<ReplaceGuard> guards = new java.util.ArrayList<>();

    public FileActions(MainViewModel vm, FileDialogs dialogs, Prompts prompts, Supplier<I18n> i18n) {
        this(vm, dialogs, prompts, i18n, Runnable::run, Runnable::run);
    }

    /**
     * @param io reads project files, so that a slow disk or a large file never freezes the window
     * @param fx the FX thread, where the read project is put in place
     */
    public FileActions(MainViewModel vm, FileDialogs dialogs, Prompts prompts, Supplier<I18n> i18n,
                       Executor io, Executor fx) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.i18n = i18n;
        this.io = io;
        this.fx = fx;
    }

    public void addReplaceGuard(ReplaceGuard guard) {
        guards.add(guard);
    }

    void clearReplaceGuards() {
        guards.clear();
    }

    public void newProject() {
        if (mayReplace(this::newProject)) {
            vm.newProject();
        }
    }

    public void newFromTemplate(Template template) {
        if (mayReplace(() -> newFromTemplate(template))) {
            vm.newFromTemplate(template);
        }
    }

    public void open() {
        if (mayReplace(this::open)) {
            dialogs.chooseOpen().ifPresent(this::openFile);
        }
    }

    public void openRecent(Path file) {
        if (mayReplace(() -> openRecent(file))) {
            openFile(file);
        }
    }

    /** Reads the file in the background, saying so in the status bar, and opens it on the FX thread. */
    private void openFile(Path file) {
        io.execute(() -> {
            // Even the size is asked off the FX thread: a file on a stalled network drive must not freeze the window.
            String opening = i18n.get().format("status.opening", String.valueOf(file.getFileName()),
                    ByteSizes.human(sizeOf(file)));
            fx.execute(() -> vm.openingProperty().set(opening));
            try {
                Project project = ProjectFile.read(file);
                fx.execute(() -> {
                    vm.openingProperty().set("");
                    vm.opened(file, project);
                });
            } catch (ProjectFileException | RuntimeException e) {
                String message = e instanceof ProjectFileException ? e.getMessage()
                        : i18n.get().format("error.open.unexpected", String.valueOf(file.getFileName()));
                fx.execute(() -> {
                    vm.openingProperty().set("");
                    prompts.showError(i18n.get().get("error.open"), message);
                });
            }
        });
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    /** Saves to the project's file, or asks where when it has none; true when saved. */
    public boolean save() {
        Path file = vm.document().file();
        return file == null ? saveAs() : saveTo(file);
    }

    public boolean saveAs() {
        String name = vm.document().displayName();
        String suggested = vm.document().file() != null ? name
                : (name.isEmpty() ? "model" : name.replaceFirst("\\.(h5|hdf5|keras)$", "")) + ProjectFile.EXTENSION;
        Optional<Path> file = dialogs.chooseSave(suggested);
        return file.isPresent() && saveTo(file.get());
    }

    private boolean saveTo(Path file) {
        Optional<String> error = vm.saveAs(file);
        error.ifPresent(detail -> prompts.showError(i18n.get().get("error.save"),
                i18n.get().format("error.save.detail", file.getFileName(), detail)));
        return error.isEmpty();
    }

    /**
     * Whether another project may replace the open one: every guard first (a run asks to be stopped; {@code retry}
     * is the action, done again once it has), then the unsaved-changes question.
     */
    public boolean mayReplace(Runnable retry) {
        for (ReplaceGuard guard : guards) {
            if (!guard.mayReplace(retry)) {
                return false;
            }
        }
        return mayReplace();
    }

    /** Asks about unsaved changes; true when the open project may be replaced or closed. */
    public boolean mayReplace() {
        if (!vm.dirtyProperty().get()) {
            return true;
        }
        String name = vm.fileNameProperty().get().isEmpty() ? i18n.get().get("title.untitled") : vm.fileNameProperty().get();
        return switch (prompts.askSaveChanges(name)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }
}
