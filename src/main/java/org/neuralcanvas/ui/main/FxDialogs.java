package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.Prompts;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.ui.common.I18n;

/** The real dialogs: FileChooser for *.ncproj.json and alerts worded from the bundle. */
final class FxDialogs implements FileDialogs, Prompts {

    private final Supplier<Window> owner;
    private final Supplier<I18n> i18n;
    private File lastFolder;

    FxDialogs(Supplier<Window> owner, Supplier<I18n> i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get().get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get().get("file.filter"), "*" + ProjectFile.EXTENSION));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    @Override
    public Optional<Path> chooseOpen() {
        File f = chooser("file.open.title").showOpenDialog(owner.get());
        return remember(f);
    }

    @Override
    public Optional<Path> chooseSave(String suggestedName) {
        FileChooser chooser = chooser("file.save.title");
        chooser.setInitialFileName(suggestedName);
        File f = chooser.showSaveDialog(owner.get());
        if (f != null && !f.getName().endsWith(ProjectFile.EXTENSION)) {
            String base = f.getName().replaceAll("(\\.ncproj)?(\\.json)?$", "");
            f = new File(f.getParentFile(), base + ProjectFile.EXTENSION);
        }
        return remember(f);
    }

    private Optional<Path> remember(File f) {
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public UnsavedAnswer askSaveChanges(String documentName) {
        I18n t = i18n.get();
        ButtonType save = new ButtonType(t.get("prompt.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(t.get("prompt.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(t.get("prompt.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, t.format("prompt.unsaved", documentName), save, discard, cancel);
        alert.setTitle(t.get("app.title"));
        alert.setHeaderText(t.get("prompt.unsaved.header"));
        alert.initOwner(owner.get());
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? UnsavedAnswer.SAVE : answer == discard ? UnsavedAnswer.DISCARD : UnsavedAnswer.CANCEL;
    }

    @Override
    public RunningAnswer askStopRunning() {
        return askAboutRun("prompt.running", "prompt.running.stop");
    }

    @Override
    public RunningAnswer askStopRunningToReplace() {
        return askAboutRun("prompt.replaceRunning", "prompt.replaceRunning.stop");
    }

    /** Keep training, or stop the run (to close the window, or to open another project): the one question. */
    private RunningAnswer askAboutRun(String textKey, String stopKey) {
        I18n t = i18n.get();
        ButtonType stop = new ButtonType(t.get(stopKey), ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(t.get("prompt.running.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, t.get(textKey), stop, keep);
        alert.setTitle(t.get("app.title"));
        alert.setHeaderText(t.get("prompt.running.header"));
        alert.initOwner(owner.get());
        return alert.showAndWait().orElse(keep) == stop ? RunningAnswer.STOP_AND_CLOSE : RunningAnswer.KEEP_TRAINING;
    }

    @Override
    public boolean offerRecovery() {
        I18n t = i18n.get();
        ButtonType restore = new ButtonType(t.get("recovery.restore"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(t.get("recovery.discard"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, t.get("recovery.message"), restore, discard);
        alert.setTitle(t.get("app.title"));
        alert.setHeaderText(t.get("recovery.header"));
        alert.initOwner(owner.get());
        return alert.showAndWait().orElse(discard) == restore;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.setTitle(i18n.get().get("app.title"));
        alert.setHeaderText(title);
        alert.initOwner(owner.get());
        alert.showAndWait();
    }
}
