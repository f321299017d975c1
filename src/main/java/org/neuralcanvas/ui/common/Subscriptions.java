package org.neuralcanvas.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Binding;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * What a view attached to objects that outlive it (the view models): its listeners and its bindings, each undone by
 * {@link #close}. The window is rebuilt when the language changes while the view models stay; a view that kept its
 * listeners would go on updating, unseen, after every switch. Bindings are undone too, and their expressions
 * disposed, although JavaFX holds them weakly: weakly held is released when the collector runs, not when the view goes.
 */
public final class Subscriptions {

    private final List<Runnable> undo = new ArrayList<>();

    public <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    public <E> void onChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        undo.add(() -> list.removeListener(listener));
    }

    public <E> void onChange(ObservableSet<E> set, SetChangeListener<? super E> listener) {
        set.addListener(listener);
        undo.add(() -> set.removeListener(listener));
    }

    /** Binds a property of the view to a value of the view model (or an expression over its values). */
    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        undo.add(() -> {
            target.unbind();
            if (source instanceof Binding<?> expression) {
                expression.dispose();
            }
        });
    }

    public <T> void bindBidirectional(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        undo.add(() -> a.unbindBidirectional(b));
    }

    /** Something else to release on close (a child view's own dispose). */
    public void onClose(Runnable release) {
        undo.add(release);
    }

    /** Detaches everything, newest first; the view is then free to be collected. */
    public void close() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
