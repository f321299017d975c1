package org.neuralcanvas.ui.document;

import org.neuralcanvas.ui.common.I18n;

/**
 * A part of the window that the composition root ({@code ui.main}) installs without the part knowing it: the Train
 * panel with its dashboard, the Export and Import menu items. It is given the window only as a {@link FeatureHost},
 * so the feature packages depend on the document state here and never back on {@code ui.main}.
 */
@FunctionalInterface
public interface Feature {

    /** Adds the feature's menus, tabs and guards to the window; called on every (re)build of its scene. */
    void install(FeatureHost window, I18n i18n);

    /** The app is exiting: stop what the feature runs (a training run) and end the threads it owns. */
    default void shutdown() {
    }
}
