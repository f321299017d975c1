package org.neuralcanvas.ui.training;

import org.neuralcanvas.ui.common.AppThreads;
import org.neuralcanvas.ui.common.Subscriptions;
import java.io.File;
import java.util.List;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.FileChooser;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.io.ModelFileException;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.keras.KerasImportResult;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.document.MainViewModel;
import org.neuralcanvas.ui.document.Feature;
import org.neuralcanvas.ui.document.FeatureHost;
import org.neuralcanvas.ui.document.Prompts;
import org.neuralcanvas.ui.results.ResultsView;

/**
 * Plugs training into the main window: the Train panel beside the Inspector, the live dashboard
 * and the results below the canvas. Owns the training view model (one per window, kept across
 * language rebuilds) and its work thread, on which ND4J is started as soon as the window opens.
 */
public final class TrainingFeature implements Feature {

    static {
        // JFreeChart and JFreeSVG draw with java.awt classes. A real AWT toolkit (XToolkit) next to
        // JavaFX's GTK one in the same process crashes on X (SIGSEGV in XEventsQueued): AWT stays headless.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final BundledTrainingData data;
    private final Executor work;
    private final Executor fx;
    private final ExecutorService owned;
    private TrainingViewModel vm;
    private DashboardView dashboard;
    private ResultsView results;
    private RunsTableView runsTable;
    private Tab dashboardTab;

    /**
     * @param work runs dataset preparation, compiling, evaluation and saving (one thread: they
     *             share the model); the training itself runs on the session's own thread
     * @param fx   runs results on the FX thread
     */
    public TrainingFeature(BundledTrainingData data, Executor work, Executor fx) {
        this(data, work, fx, null);
    }

    private Function<FeatureHost, Optional<Path>> modelChooser = TrainingFeature::chooseModelFile;
    private java.util.function.BiFunction<FeatureHost, String, Optional<Path>> reportChooser =
            TrainingFeature::chooseReportFile;

    private TrainingFeature(BundledTrainingData data, Executor work, Executor fx, ExecutorService owned) {
        this.data = data;
        this.work = work;
        this.fx = fx;
        this.owned = owned;
    }

    /** The app's: the bundled datasets, one daemon work thread, results through Platform.runLater. */
    public static TrainingFeature standard() {
        ExecutorService work = AppThreads.single("training-work");
        return new TrainingFeature(new BundledTrainingData(BundledDatasets.standard()), work, Platform::runLater, work);
    }

    @Override
    public void install(FeatureHost window, I18n i18n) {
        MainViewModel main = window.viewModel();
        if (vm == null || vm.main() != main) {
            vm = new TrainingViewModel(main, data, work, fx, window::i18n);
            warmUp(vm);
        } else {
            vm.recheck(); // the window was rebuilt in another language: the dataset advice is said again in it
            warmUp(vm); // and the backend line (ND4J is up by now: this is quick)
        }
        // Everything this build attaches to the view model goes with the build (the window's subscriptions).
        Subscriptions subs = window.subscriptions();
        dashboard = new DashboardView(vm, i18n, work);
        subs.onClose(dashboard::dispose);
        // A run's checkpoint opens as File ▸ Open Trained Model opens a model file.
        dashboard.setOnOpenCheckpoint(file -> openModel(window, () -> Optional.of(file)));
        results = new ResultsView(vm.results(), i18n, work);
        subs.onClose(results::dispose);
        TrainPanel panel = new TrainPanel(vm, i18n);
        subs.onClose(panel::dispose);
        Tab train = new Tab(i18n.get("tab.train"), panel);
        train.setId("tab-train");
        dashboardTab = new Tab(i18n.get("tab.training"), dashboard);
        dashboardTab.setId("tab-training");
        Tab resultsTab = new Tab(i18n.get("tab.results"), results);
        resultsTab.setId("tab-results");
        if (runsTable != null) {
            runsTable.dispose();
        }
        runsTable = new RunsTableView(vm, i18n);
        Tab runsTab = new Tab(i18n.get("tab.runs"), runsTable);
        runsTab.setId("tab-runs-table");
        window.addRightTab(train);
        MenuItem openModel = new MenuItem(i18n.get("menu.file.openModel"));
        openModel.setId("menu-open-model");
        openModel.setOnAction(e -> openModel(window));
        MenuItem exportModel = new MenuItem(i18n.get("menu.file.exportModel"));
        exportModel.setId("menu-export-model");
        subs.bind(exportModel.disableProperty(), vm.results().modelProperty().isNull());
        exportModel.setOnAction(e -> results.exportModel());
        MenuItem exportReport = new MenuItem(i18n.get("menu.file.exportReport"));
        exportReport.setId("menu-export-report");
        subs.bind(exportReport.disableProperty(), javafx.beans.binding.Bindings.isEmpty(vm.runs()));
        exportReport.setOnAction(e -> exportReport(window));
        window.addFileMenuItems(openModel, exportModel, exportReport);
        window.addCloseGuard(() -> mayClose(window));
        window.addReplaceGuard(retry -> mayReplace(window, retry));
        window.addBottomTab(dashboardTab);
        window.addBottomTab(resultsTab);
        window.addBottomTab(runsTab);
        Tab shown = dashboardTab;
        subs.onChange(vm.phaseProperty(), (o, a, b) -> {
            if (b == RunPhase.PREPARING && shown == dashboardTab) {
                window.showBottomTab(shown, 0.62);
            }
        });
    }

    /**
     * Closing during a run asks: stop it (its record goes into the project, which then asks to be saved) and close,
     * or keep training. Stopping takes a moment, so the window closes when the run has ended.
     */
    private boolean mayClose(FeatureHost window) {
        if (!vm.phaseProperty().get().isActive()) {
            return true;
        }
        if (window.prompts().askStopRunning() == Prompts.RunningAnswer.KEEP_TRAINING) {
            return false;
        }
        whenIdle(window::requestClose);
        vm.stop();
        return false;
    }

    /**
     * Another project during a run asks too (the run's record belongs to this one, and its results are shown for it):
     * stop it (recorded here, so the unsaved-changes question follows) and go on, or keep training.
     */
    private boolean mayReplace(FeatureHost window, Runnable retry) {
        if (!vm.phaseProperty().get().isActive()) {
            return true;
        }
        if (window.prompts().askStopRunningToReplace() == Prompts.RunningAnswer.KEEP_TRAINING) {
            return false;
        }
        whenIdle(retry);
        vm.stop();
        return false;
    }

    /** Runs {@code then} on the FX thread once the run has ended, been evaluated and recorded. */
    private void whenIdle(Runnable then) {
        vm.phaseProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RunPhase> o, RunPhase was, RunPhase now) {
                if (!now.isActive()) {
                    vm.phaseProperty().removeListener(this);
                    fx.execute(then);
                }
            }
        });
    }

    /** File ▸ Export Report: the run selected in the Runs list, else the project's latest. */
    private void exportReport(FeatureHost window) {
        List<RunRecord> runs = vm.runs();
        if (runs.isEmpty()) {
            return;
        }
        RunRecord run = dashboard.selectedRun().orElse(runs.get(runs.size() - 1));
        String suggested = TrainingViewModel.reportName(window.viewModel().displayNameProperty().get()) + "-" + run.id()
                + ".html";
        reportChooser.apply(window, suggested).ifPresent(file -> {
            vm.exportReport(run, file);
            window.showBottomTab(dashboardTab, 0.62); // its status says where the report went
        });
    }

    private static Optional<Path> chooseReportFile(FeatureHost window, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(window.i18n().get("report.choose.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(window.i18n().get("report.choose.filter"),
                "*.html"));
        chooser.setInitialFileName(suggested);
        File f = chooser.showSaveDialog(window.stage());
        // A name typed without an ending gets .html: the report is one HTML file.
        return Optional.ofNullable(f).map(x -> x.getName().matches("(?i).*\\.html?$") ? x
                : new File(x.getParentFile(), x.getName() + ".html")).map(File::toPath);
    }

    /** Where "Export Report" writes (a file chooser; tests answer directly). */
    public void setReportChooser(java.util.function.BiFunction<FeatureHost, String, Optional<Path>> chooser) {
        this.reportChooser = chooser;
    }

    /** Where "Open Trained Model" looks (a file chooser; tests answer directly). */
    public void setModelChooser(Function<FeatureHost, Optional<Path>> chooser) {
        this.modelChooser = chooser;
    }

    private static Optional<Path> chooseModelFile(FeatureHost window) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(window.i18n().get("model.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(window.i18n().get("model.open.filter"),
                "*" + ModelStore.EXTENSION));
        return Optional.ofNullable(chooser.showOpenDialog(window.stage())).map(File::toPath);
    }

    /**
     * Opens a model saved by NeuralCanvas: its project (graph, settings, dataset, and its training
     * history as a run) becomes the open document, and the model is ready to evaluate, predict and
     * continue training. Loading runs on the work thread.
     */
    private void openModel(FeatureHost window) {
        openModel(window, () -> modelChooser.apply(window));
    }

    /** Opens the model file {@code which} names (asked only once the open project may be replaced). */
    private void openModel(FeatureHost window, java.util.function.Supplier<Optional<Path>> which) {
        if (!window.mayReplace(() -> openModel(window, which))) {
            return;
        }
        which.get().ifPresent(file -> work.execute(() -> {
            try {
                TrainedModel model = ModelStore.load(file);
                Project project = ModelStore.readProject(file);
                if (!model.history().isEmpty()) {
                    project.addRun(new RunRecord("run-1", "", project.settings(), project.dataset().datasetId(),
                            "loaded from " + file.getFileName(), EpochResult.historyMaps(model.history())));
                }
                fx.execute(() -> {
                    window.viewModel().openUntitled(project);
                    vm.adopt(model);
                });
            } catch (ModelFileException ex) {
                fx.execute(() -> window.prompts().showError(window.i18n().get("model.open.failed"), ex.getMessage()));
            }
        }));
    }

    /**
     * Takes a Keras model the File menu imported (its project is already the open document): where
     * its trained weights can be carried into the trainable network, the model is evaluated and
     * Train continues from them; otherwise the Training tab says why it starts from fresh weights.
     */
    public void adoptImported(KerasImportResult imported) {
        Optional<TrainedModel> model = imported.trainedModel();
        fx.execute(() -> {
            if (model.isPresent()) {
                // How many weights came along and which layers were checked; an evaluation may follow it.
                vm.statusProperty().set(String.join(" ", imported.messages()));
                vm.adopt(model.get());
            } else {
                vm.statusProperty().set(String.join(" ", imported.messages()));
            }
        });
    }

    /** Starts ND4J in the background (a second or two the first time) and shows what it runs on. */
    private void warmUp(TrainingViewModel model) {
        work.execute(() -> {
            String device = new Backends().describeInWords();
            fx.execute(() -> {
                model.backendProperty().set(device);
                model.main().backendDescriptionProperty().set(device);
            });
        });
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    public DashboardView dashboard() {
        return dashboard;
    }

    public ResultsView results() {
        return results;
    }

    /** The Runs tab's table (for tests). */
    public RunsTableView runsTable() {
        return runsTable;
    }

    /** Stops a run and the work thread (app exit). */
    @Override
    public void shutdown() {
        if (vm != null) {
            vm.stop();
        }
        if (owned != null) {
            owned.shutdown();
        }
    }
}
