package org.neuralcanvas.ui.main;

import javafx.application.Application;
import org.neuralcanvas.engine.backend.Backends;

/**
 * The entry point. A plain class (not an {@link Application} subclass) so the app starts from
 * the classpath without the JavaFX module launcher check.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything touches ND4J: pick the CPU build and native settings for this processor.
        // Training gets every core: the dashboard repaints at a bounded rate and costs it about as much
        // as measurement noise (docs/decisions/0001, addendum); -Dneuralcanvas.reserveUiCore=true leaves one to the window.
        new Backends().ensureSelected();
        Application.launch(NeuralCanvasApp.class, args);
    }
}
