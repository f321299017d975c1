package org.neuralcanvas.ui.exchange;

import org.neuralcanvas.ui.common.AppThreads;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.MenuItem;
import org.neuralcanvas.engine.keras.KerasImportResult;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.document.Feature;
import org.neuralcanvas.ui.document.FeatureHost;

/** Adds Export Diagram, Export Keras Code and Import Keras Model to the File menu. */
public final class ExchangeMenu implements Feature {

    private final Function<FeatureHost, ExchangeDialogs> dialogs;
    private final ExecutorService importThread = AppThreads.single("keras-import");
    private Consumer<KerasImportResult> onImported = result -> { };
    private ExchangeActions actions;

    /** @param dialogs the file dialogs for a window (real choosers in the app, scripted in tests) */
    public ExchangeMenu(Function<FeatureHost, ExchangeDialogs> dialogs) {
        this.dialogs = dialogs;
    }

    /** The app's menu with real file choosers. */
    public static ExchangeMenu withFileChoosers() {
        return new ExchangeMenu(w -> new FxExchangeDialogs(w::stage, w::i18n));
    }

    /** Who receives an imported model (its trained network, where DL4J could build it). */
    public void onImported(Consumer<KerasImportResult> listener) {
        this.onImported = listener;
    }

    @Override
    public void install(FeatureHost window, I18n i18n) {
        actions = new ExchangeActions(window.viewModel(), window::mayReplace, dialogs.apply(window),
                window.prompts(), window::i18n, window.viewModel().background(), importThread);
        MenuItem diagram = item(i18n, "menu.file.exportDiagram", "menu-export-diagram", actions::exportDiagram);
        MenuItem keras = item(i18n, "menu.file.exportKeras", "menu-export-keras", actions::exportKerasCode);
        MenuItem importKeras = item(i18n, "menu.file.importKeras", "menu-import-keras",
                () -> actions.importKeras(new ImportProgressDialog(window.stage(), window.i18n()), onImported));
        window.addFileMenuItems(diagram, keras, importKeras);
    }

    public ExchangeActions actions() {
        return actions;
    }

    private static MenuItem item(I18n i18n, String key, String id, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Ends the import thread (app exit); an import still reading a file is interrupted, the file left as it was. */
    @Override
    public void shutdown() {
        importThread.shutdownNow();
    }
}
