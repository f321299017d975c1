package org.neuralcanvas.ui;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * How many listeners are registered on the observables a view model holds (its properties, lists, and those of the
 * view-model parts it holds), weak ones included: after the window is rebuilt for another language this must be the
 * number it was after the first build, or the old views are still attached. JavaFX offers no public count, so this
 * reads its listener helpers' fields (the test class path has JavaFX as plain jars, so they may be read).
 */
public final class ListenerCount {

    private ListenerCount() {
    }

    public static int of(Object... viewModels) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int n = 0;
        for (Object vm : viewModels) {
            n += walk(vm, seen);
        }
        return n;
    }

    private static int walk(Object o, Set<Object> seen) {
        if (o == null || !seen.add(o) || o instanceof javafx.scene.Node || o instanceof Class<?>) {
            return 0;
        }
        String type = o.getClass().getName();
        if (type.startsWith("com.sun.javafx.binding.ExpressionHelper$")
                || type.startsWith("com.sun.javafx.collections.ListListenerHelper$")
                || type.startsWith("com.sun.javafx.collections.SetListenerHelper$")
                || type.startsWith("com.sun.javafx.collections.MapListenerHelper$")) {
            return helperSize(o);
        }
        boolean ours = type.startsWith("org.neuralcanvas.ui.") || type.startsWith("org.neuralcanvas.ui$");
        if (!ours && !(o instanceof javafx.beans.Observable)) {
            return 0;
        }
        int n = 0;
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    n += walk(f.get(o), seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field this JDK will not open: not a listener helper of ours
                }
            }
        }
        return n;
    }

    private static int helperSize(Object helper) {
        String simple = helper.getClass().getSimpleName();
        if (simple.startsWith("Single")) {
            return 1;
        }
        int n = 0;
        for (String name : new String[] {"invalidationSize", "changeSize"}) {
            try {
                Field f = helper.getClass().getDeclaredField(name);
                f.setAccessible(true);
                n += f.getInt(helper);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("JavaFX's listener helper changed: " + helper.getClass(), e);
            }
        }
        return n;
    }
}
