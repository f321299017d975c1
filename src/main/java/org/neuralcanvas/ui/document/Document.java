package org.neuralcanvas.ui.document;

import java.nio.file.Path;
import org.neuralcanvas.domain.edit.EditHistory;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.Project;

/**
 * One open project with its undo history and the file it lives in ({@code null} until first
 * saved). Replaced as a whole by New, Open and templates; views re-attach to the new graph.
 */
public final class Document {

    private final Project project;
    private final EditHistory history;
    private Path file;
    private final String untitledName;

    public Document(Project project, Path file) {
        this(project, file, null);
    }

    /** @param untitledName what an unsaved document is called until it is saved (an imported file's name); may be null */
    public Document(Project project, Path file, String untitledName) {
        this.project = project;
        this.history = new EditHistory(project.graph());
        this.file = file;
        this.untitledName = untitledName;
    }

    /** The file's name, or the name it was opened under while unsaved; empty for a plain Untitled. */
    public String displayName() {
        return file != null ? file.getFileName().toString() : untitledName == null ? "" : untitledName;
    }

    public Project project() {
        return project;
    }

    public ModelGraph graph() {
        return project.graph();
    }

    public EditHistory history() {
        return history;
    }

    public Path file() {
        return file;
    }

    public void setFile(Path file) {
        this.file = file;
    }
}
