package org.neuralcanvas.ui.main;

import javafx.application.Application;
import javafx.application.Platform;
import org.neuralcanvas.engine.backend.BackendInfo;
import org.neuralcanvas.engine.backend.BackendUnavailableException;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.ui.exchange.ExchangeMenu;
import javafx.stage.Stage;

/** The JavaFX application: builds the context, the view model and the window. */
public final class NeuralCanvasApp extends Application {

    private AppContext ctx;

    @Override
    public void start(Stage stage) {
        ctx = AppContext.standard();
        ctx.addExtension(ExchangeMenu.withFileChoosers());
        ctx.addExtension(org.neuralcanvas.ui.training.TrainingFeature.standard());
        MainWindow window = open(ctx, stage);
        window.show();
        openFromArguments(window, getParameters().getRaw());
        startBackend(window);
    }

    /**
     * Starts ND4J in the background (it takes a second or two) and shows what it runs on in the
     * status bar; the window is usable meanwhile.
     */
    private void startBackend(MainWindow window) {
        ctx.background().execute(() -> {
            String text;
            try {
                BackendInfo info = new Backends().describe();
                text = info.summary() + (info.hasNotice() ? " — " + info.notice() : "");
            } catch (BackendUnavailableException e) {
                text = e.getMessage();
            }
            String shown = text;
            Platform.runLater(() -> window.viewModel().backendDescriptionProperty().set(shown));
        });
    }

    /** {@code neuralcanvas model.ncproj.json} opens a file; {@code --template=mnist_cnn} starts from a template. */
    private static void openFromArguments(MainWindow window, java.util.List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("--template=")) {
                window.context().templates().find(arg.substring("--template=".length()))
                        .ifPresent(window.fileActions()::newFromTemplate);
            } else if (!arg.startsWith("-")) {
                window.fileActions().openRecent(java.nio.file.Path.of(arg));
            }
        }
    }

    /** Builds the main window on a stage; tests call this with their own context. */
    public static MainWindow open(AppContext ctx, Stage stage) {
        MainViewModel vm = new MainViewModel(ctx.userFiles(), ctx.background());
        return new MainWindow(ctx, vm, stage);
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.shutdown();
        }
    }
}
