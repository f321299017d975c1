package org.neuralcanvas.ui.main;

import javafx.application.Application;

/**
 * The entry point. A plain class (not an {@link Application} subclass) so the app starts from
 * the classpath without the JavaFX module launcher check.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(NeuralCanvasApp.class, args);
    }
}
