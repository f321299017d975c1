package org.neuralcanvas.ui.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.neuralcanvas.domain.edit.Edit;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;
import org.neuralcanvas.project.SettingRanges;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.ui.common.Selection;
import org.neuralcanvas.ui.common.UserFiles;

/**
 * The window's state and decisions: the open document, its inferred shapes and summary, the
 * selection, the dirty flag and the file operations. Views bind to its properties; it holds no
 * JavaFX node. Everything here runs on the FX thread except what goes to {@code background}.
 */
public final class MainViewModel {

    private final UserFiles userFiles;
    private final Executor background;
    private final ObjectProperty<Document> document = new SimpleObjectProperty<>();
    private final ObjectProperty<InferenceResult> inference = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelSummary> summary = new SimpleObjectProperty<>();
    /** The model's problems and then the training settings' (a hand-edited file's batch_size of 0): the Problems list. */
    private final ObjectProperty<List<Problem>> problems = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty undoDescription = new SimpleStringProperty("");
    private final StringProperty redoDescription = new SimpleStringProperty("");
    private final IntegerProperty problemCount = new SimpleIntegerProperty();
    private final LongProperty totalParams = new SimpleLongProperty();
    private final StringProperty fileName = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty opening = new SimpleStringProperty("");
    /** Why the last autosave could not be written (the disk's own words); empty while autosave works. */
    private final StringProperty autosaveFailure = new SimpleStringProperty("");
    private long outsideChanges;
    /** Counts downloads of the datasets: whatever checked the cache checks again (the Train panel's dataset fit). */
    private final javafx.beans.property.ReadOnlyIntegerWrapper datasetsFetched =
            new javafx.beans.property.ReadOnlyIntegerWrapper();
    /** What the training engine runs on ("CPU (AVX2)", "CUDA 11.6 on RTX 3080"); set by whoever starts the engine. */
    private final ObjectProperty<String> backendDescription = new SimpleObjectProperty<>();
    private final Selection selection = new Selection();
    /** Layer name → how it differs in a comparison of two runs ({@code added}, {@code changed}); drawn on the canvas. */
    private final javafx.collections.ObservableMap<String, String> layerMarks =
            javafx.collections.FXCollections.observableHashMap();
    /** Work restored from autosave is unsaved even before the first edit. */
    private boolean recoveredUnsaved;

    public MainViewModel(UserFiles userFiles, Executor background) {
        this.userFiles = userFiles;
        this.background = background;
        setDocument(new Document(Project.empty(), null));
    }

    // ---- state -----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Document> documentProperty() {
        return document;
    }

    public Document document() {
        return document.get();
    }

    public ReadOnlyObjectProperty<InferenceResult> inferenceProperty() {
        return inference;
    }

    public ReadOnlyObjectProperty<ModelSummary> summaryProperty() {
        return summary;
    }

    /** Every problem of the open project: the graph's (shape inference), then its training settings'. */
    public ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
        return problems;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    public StringProperty undoDescriptionProperty() {
        return undoDescription;
    }

    public StringProperty redoDescriptionProperty() {
        return redoDescription;
    }

    public IntegerProperty problemCountProperty() {
        return problemCount;
    }

    public LongProperty totalParamsProperty() {
        return totalParams;
    }

    /** The file name of the open project, empty while it was never saved. */
    public StringProperty fileNameProperty() {
        return fileName;
    }

    /** The file being read in the background ("Opening big.ncproj.json (12 MB)…"); empty when none is. */
    public StringProperty openingProperty() {
        return opening;
    }

    /** Why autosave is not protecting the work now (the status bar says so, once, until a write works again). */
    public StringProperty autosaveFailureProperty() {
        return autosaveFailure;
    }

    /** What the title bar calls the document: its file's name, or the name it was imported under; empty: Untitled. */
    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ObjectProperty<String> backendDescriptionProperty() {
        return backendDescription;
    }

    public Selection selection() {
        return selection;
    }

    /**
     * The layers the Runs tab marks on the canvas when two runs are compared: by layer name, {@code added} (the newer
     * run has it, the older not) or {@code changed} (another kind, parameters or inputs). Empty when nothing is
     * compared; another document clears it.
     */
    public javafx.collections.ObservableMap<String, String> layerMarks() {
        return layerMarks;
    }

    public UserFiles userFiles() {
        return userFiles;
    }

    // ---- edits -----------------------------------------------------------------------------

    /** Applies a user's edit on the undo history; every change to the graph goes through here. */
    public void execute(Edit edit) {
        document().history().execute(edit);
    }

    public void undo() {
        document().history().undo();
        dropVanishedSelection();
    }

    public void redo() {
        document().history().redo();
        dropVanishedSelection();
    }

    private void dropVanishedSelection() {
        selection.ids().removeIf(id -> document().graph().findNode(id).isEmpty());
    }

    // ---- documents and files -----------------------------------------------------------------

    public void newProject() {
        setDocument(new Document(Project.empty(), null));
    }

    public void newFromTemplate(Template template) {
        openUntitled(template.newProject());
    }

    /** Shows a project that has no file yet (a template, an imported model); Save asks where it goes. */
    public void openUntitled(Project project) {
        setDocument(new Document(project, null));
    }

    /** An unsaved project that goes by a name until saved, such as the Keras file it was imported from. */
    public void openUntitled(Project project, String name) {
        setDocument(new Document(project, null, name));
    }

    /**
     * Opens a project file. A bad file changes nothing.
     *
     * @return the sentence saying why it could not be opened, or empty when it opened
     */
    public Optional<String> open(Path file) {
        try {
            opened(file, ProjectFile.read(file));
            return Optional.empty();
        } catch (ProjectFileException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Puts a project read from a file (off the FX thread, by {@link FileActions}) in place. */
    public void opened(Path file, Project project) {
        setDocument(new Document(project, file));
        userFiles.addRecentFile(file);
    }

    /** Puts a recovered project in place: unsaved, so the user decides where it goes. */
    public void restore(Project project, Path originalFile) {
        setDocument(new Document(project, originalFile));
        recoveredUnsaved = true;
        dirty.set(true);
    }

    /** Records a change outside the graph (training settings, dataset, run history): unsaved until the next save. */
    public void markChanged() {
        recoveredUnsaved = true;
        outsideChanges++;
        dirty.set(true);
    }

    /** The datasets were downloaded (Help ▸ Download Datasets, or the offer at start). */
    public void datasetsFetched() {
        datasetsFetched.set(datasetsFetched.get() + 1);
    }

    public javafx.beans.property.ReadOnlyIntegerProperty datasetsFetchedProperty() {
        return datasetsFetched.getReadOnlyProperty();
    }

    /** How many changes outside the graph's undo history (runs, recovered state) were made: autosave counts them too. */
    public long outsideChanges() {
        return outsideChanges;
    }

    /**
     * Saves to a file (atomically).
     *
     * @return what went wrong (the I/O error's own words, for the sentence the caller builds), or empty on success
     */
    public Optional<String> saveAs(Path file) {
        try {
            ProjectFile.write(document().project(), file);
        } catch (IOException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        document().setFile(file);
        recoveredUnsaved = false;
        document().history().markSaved();
        userFiles.addRecentFile(file);
        refreshTitle();
        return Optional.empty();
    }

    /** The project as JSON, taken on the FX thread so the autosave thread never reads the live graph. */
    public String snapshotJson() {
        return ProjectFile.toJson(document().project());
    }

    public Executor background() {
        return background;
    }

    private void setDocument(Document doc) {
        layerMarks.clear();
        recoveredUnsaved = false;
        selection.clear();
        doc.history().addListener(() -> onHistoryChanged(doc));
        document.set(doc);
        onHistoryChanged(doc);
    }

    /** Infers the shapes again: the problems' sentences come out in the language now chosen. */
    public void refreshProblems() {
        if (document.get() != null) {
            onHistoryChanged(document.get());
        }
    }

    private void onHistoryChanged(Document doc) {
        if (doc != document.get()) {
            return;
        }
        InferenceResult result = ShapeInference.infer(doc.graph());
        ModelSummary s = ModelSummary.of(doc.graph(), result);
        inference.set(result);
        summary.set(s);
        List<Problem> all = new ArrayList<>(result.problems());
        // A value outside its range (from a hand-edited file) is listed as soon as the project opens, in the
        // sentence the Train panel's field, the compiler and the command line give.
        SettingRanges.problems(doc.project().settings()).forEach(p -> all.add(Problem.ofModel(p)));
        problems.set(List.copyOf(all));
        problemCount.set(all.size());
        totalParams.set(s.totalParams());
        canUndo.set(doc.history().canUndo());
        canRedo.set(doc.history().canRedo());
        undoDescription.set(doc.history().undoDescription().orElse(""));
        redoDescription.set(doc.history().redoDescription().orElse(""));
        dirty.set(doc.history().isDirty() || recoveredUnsaved);
        refreshTitle();
    }

    private void refreshTitle() {
        Path file = document().file();
        fileName.set(file == null ? "" : file.getFileName().toString());
        displayName.set(document().displayName());
        dirty.set(document().history().isDirty() || recoveredUnsaved);
    }
}
