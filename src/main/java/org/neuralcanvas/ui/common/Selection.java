package org.neuralcanvas.ui.common;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The selected layers by node id, shared by canvas, inspector and problems list. Order of
 * selection is kept, so "the selected node" is the last one clicked.
 */
public final class Selection {

    private final ObservableSet<String> ids = FXCollections.observableSet(new java.util.LinkedHashSet<>());

    public ObservableSet<String> ids() {
        return ids;
    }

    public void select(String id) {
        if (ids.size() == 1 && ids.contains(id)) {
            return;
        }
        ids.clear();
        ids.add(id);
    }

    public void selectAll(Collection<String> newIds) {
        ids.clear();
        ids.addAll(newIds);
    }

    public void toggle(String id) {
        if (!ids.remove(id)) {
            ids.add(id);
        }
    }

    public void clear() {
        ids.clear();
    }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    /** The one selected node, when exactly one is selected. */
    public Optional<String> single() {
        return ids.size() == 1 ? Optional.of(ids.iterator().next()) : Optional.empty();
    }

    /** The most recently selected node, if any. */
    public Optional<String> last() {
        List<String> list = List.copyOf(ids);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }
}
