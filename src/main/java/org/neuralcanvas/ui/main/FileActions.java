package org.neuralcanvas.ui.main;

import java.nio.file.Path;
import java.util.Optional;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.ui.common.I18n;

/**
 * New, Open, Save, Save As and recent files, with the "save changes first?" question wherever
 * unsaved work would be replaced. Dialogs come in through {@link FileDialogs} and {@link Prompts}.
 */
public final class FileActions {

    private final MainViewModel vm;
    private final FileDialogs dialogs;
    private final Prompts prompts;
    private final java.util.function.Supplier<I18n> i18n;

    public FileActions(MainViewModel vm, FileDialogs dialogs, Prompts prompts, java.util.function.Supplier<I18n> i18n) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.i18n = i18n;
    }

    public void newProject() {
        if (mayReplace()) {
            vm.newProject();
        }
    }

    public void newFromTemplate(Template template) {
        if (mayReplace()) {
            vm.newFromTemplate(template);
        }
    }

    public void open() {
        if (mayReplace()) {
            dialogs.chooseOpen().ifPresent(this::openFile);
        }
    }

    public void openRecent(Path file) {
        if (mayReplace()) {
            openFile(file);
        }
    }

    private void openFile(Path file) {
        vm.open(file).ifPresent(message -> prompts.showError(i18n.get().get("error.open"), message));
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
