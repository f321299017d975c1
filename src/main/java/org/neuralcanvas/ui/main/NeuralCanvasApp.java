package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.MainViewModel;
import javafx.application.Application;
import javafx.stage.Stage;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.ui.datasets.DatasetDownloads;
import org.neuralcanvas.ui.exchange.ExchangeMenu;
import org.neuralcanvas.ui.training.TrainingFeature;

/** The JavaFX application: builds the context, the view model and the window. */
public final class NeuralCanvasApp extends Application {

    private AppContext ctx;

    @Override
    public void start(Stage stage) {
        ctx = AppContext.standard();
        ExchangeMenu exchange = ExchangeMenu.withFileChoosers();
        TrainingFeature training = TrainingFeature.standard();
        exchange.onImported(training::adoptImported); // an imported model's weights go on training
        ctx.addFeature(exchange);
        ctx.addFeature(training);
        MainWindow window = open(ctx, stage);
        UncaughtFailures.install(ctx.prompts(), window::i18n);
        window.show();
        openFromArguments(window, getParameters().getRaw());
        // An installed app has no build that fetched the datasets: offer the download at its first start.
        DatasetDownloads.offerIfMissing(stage, window.i18n(), ctx.background(), window.viewModel()::datasetsFetched);
    }

    /** {@code neuralcanvas model.ncproj.json} opens a file; {@code --template=mnist_cnn} starts from a template. */
    static void openFromArguments(MainWindow window, java.util.List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("--template=")) {
                String name = arg.substring("--template=".length());
                var templates = window.context().templates();
                templates.find(name).ifPresentOrElse(window.fileActions()::newFromTemplate,
                        () -> window.context().prompts().showError(window.i18n().get("error.template"),
                                window.i18n().format("error.template.unknown", name,
                                        String.join(", ", templates.all().stream().map(Template::id).toList()))));
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
