package org.neuralcanvas.domain.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.neuralcanvas.domain.graph.ModelGraph;

/**
 * The one undo/redo history of a graph. Every change the user makes goes through
 * {@link #execute}. {@link #revision()} names the state the graph is in: it returns to an
 * earlier value when undo returns to that state, so "dirty" is simply
 * {@code revision() != savedRevision}.
 */
public final class EditHistory {

    private record Entry(Edit edit, long revision) {
    }

    private final ModelGraph graph;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long lastRevision;
    private long savedRevision;

    public EditHistory(ModelGraph graph) {
        this.graph = graph;
    }

    public ModelGraph graph() {
        return graph;
    }

    /** Applies an edit and puts it on the undo stack; clears the redo stack. */
    public void execute(Edit edit) {
        edit.apply(graph);
        undo.push(new Entry(edit, ++lastRevision));
        redo.clear();
        fire();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Entry entry = undo.pop();
        entry.edit().revert(graph);
        redo.push(entry);
        fire();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Entry entry = redo.pop();
        entry.edit().apply(graph);
        undo.push(entry);
        fire();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(e -> e.edit().description());
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(e -> e.edit().description());
    }

    /** The state the graph is in: 0 for as loaded, else the revision of the last applied edit. */
    public long revision() {
        return undo.isEmpty() ? 0 : undo.peek().revision();
    }

    /** Records that the current state is on disk. */
    public void markSaved() {
        savedRevision = revision();
        fire();
    }

    /** Whether the graph differs from what was last saved. */
    public boolean isDirty() {
        return revision() != savedRevision;
    }

    /** Called after every execute, undo, redo and save mark. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
