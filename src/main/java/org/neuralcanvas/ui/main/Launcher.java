package org.neuralcanvas.ui.main;

import javafx.application.Application;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.backend.NativeTuning;

/**
 * The entry point. A plain class (not an {@link Application} subclass) so the app starts from
 * the classpath without the JavaFX module launcher check.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything touches ND4J: pick the CPU build and native settings for this processor,
        // leaving one core to the window so repaints do not stall training's OpenMP threads.
        System.setProperty(NativeTuning.RESERVE_UI_CORE_PROPERTY, "true");
        new Backends().ensureSelected();
        Application.launch(NeuralCanvasApp.class, args);
    }
}
