package org.neuralcanvas.ui.training;

import org.neuralcanvas.ui.common.Subscriptions;
import org.neuralcanvas.ui.common.LiveChart;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.common.I18n;

/**
 * The live dashboard: Train, Pause/Resume and Stop; the epoch and run progress with elapsed time
 * and ETA; the loss and metric charts; the Keras-style log; and the run history, whose runs can
 * be laid over the current curves. It only binds to {@link TrainingViewModel}.
 */
public final class DashboardView extends BorderPane {

    /** What this view attached to the view model; {@link #dispose} detaches it (the window is being rebuilt). */
    private final Subscriptions subs = new Subscriptions();

    private final TrainingViewModel vm;
    private final I18n i18n;
    private final LiveChart lossChart;
    private final LiveChart metricChart;
    private final ListView<String> logView = new ListView<>();
    private final ListView<RunRecord> runList = new ListView<>();
    private final Map<String, BooleanProperty> overlayChecks = new HashMap<>();
    private HistogramsView histograms;
    private final java.util.concurrent.Executor work;

    public DashboardView(TrainingViewModel vm, I18n i18n, Executor work) {
        this.vm = vm;
        this.work = work;
        this.i18n = i18n;
        getStyleClass().add("dashboard");
        RunCurves c = vm.curves();
        JFreeChart loss = LiveChart.epochChart(i18n.get("dashboard.chart.loss"), "loss", c.loss(), c.lossOverlays(),
                c.batches(), i18n.get("dashboard.chart.epoch"));
        JFreeChart metric = LiveChart.epochChart(i18n.get("dashboard.chart.metric"), c.metricName() == null ? "" : c.metricName(),
                c.metric(), c.metricOverlays(), null, i18n.get("dashboard.chart.epoch"));
        LiveChart.addFolds(loss, c.lossFolds());
        LiveChart.addFolds(metric, c.metricFolds());
        c.attach(loss);
        c.attach(metric);
        lossChart = new LiveChart(loss, "chart-loss", i18n, work, vm::say);
        metricChart = new LiveChart(metric, "chart-metric", i18n, work, vm::say);
        lossChart.setValues(x -> readout(c.loss(), x));
        metricChart.setValues(x -> readout(c.metric(), x));
        subs.onChange(vm.phaseProperty(), (o, a, b) -> {
            if (b == RunPhase.PREPARING) {
                String m = vm.curves().metricName();
                metric.getXYPlot().getRangeAxis().setLabel(m == null ? "" : m);
                metric.setTitle(m == null ? i18n.get("dashboard.chart.metric") : m);
            }
        });

        FoldResultsBar foldResults = new FoldResultsBar(vm, i18n);
        subs.onClose(foldResults::dispose);
        setTop(new VBox(4, buttons(), progress(), foldResults));
        SplitPane charts = new SplitPane(lossChart, metricChart);
        SplitPane body = new SplitPane(charts, sidePanel());
        body.setDividerPositions(0.6);
        setCenter(body);
        setPadding(new Insets(4));
    }

    private static String readout(XYSeriesCollection data, double x) {
        StringBuilder sb = new StringBuilder("epoch ").append((int) x);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            var series = data.getSeries(s);
            int i = series.indexOf(x);
            if (i >= 0) {
                sb.append("   ").append(series.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.4f", series.getY(i).doubleValue()));
            }
        }
        return sb.toString();
    }

    private HBox buttons() {
        Button train = button("dashboard.train", "button-train", vm::train);
        train.setDefaultButton(false);
        Button pause = button("dashboard.pause", "button-pause", () -> {
            if (vm.phaseProperty().get() == RunPhase.PAUSED) {
                vm.resume();
            } else {
                vm.pause();
            }
        });
        subs.bind(pause.textProperty(), Bindings.createStringBinding(() -> i18n.get(
                vm.phaseProperty().get() == RunPhase.PAUSED ? "dashboard.resume" : "dashboard.pause"), vm.phaseProperty()));
        Button stop = button("dashboard.stop", "button-stop", vm::stop);
        subs.bind(train.disableProperty(), Bindings.createBooleanBinding(() -> vm.phaseProperty().get().isActive(), vm.phaseProperty()));
        // A pressed Train button is disabled at once and JavaFX would pass its focus on to whatever is next,
        // possibly a text field whose blinking caret keeps the window redrawing during the whole run.
        train.disabledProperty().addListener((o, was, is) -> {
            if (is && train.isFocused()) {
                javafx.application.Platform.runLater(() -> { // after Stop's own binding has enabled it
                    if (!stop.isDisabled()) {
                        stop.requestFocus();
                    }
                });
            }
        });
        subs.bind(pause.disableProperty(), Bindings.createBooleanBinding(() -> vm.phaseProperty().get() != RunPhase.RUNNING
                && vm.phaseProperty().get() != RunPhase.PAUSED, vm.phaseProperty()));
        subs.bind(stop.disableProperty(), Bindings.createBooleanBinding(() -> vm.phaseProperty().get() == RunPhase.IDLE
                || vm.phaseProperty().get() == RunPhase.EVALUATING, vm.phaseProperty()));
        Label phase = new Label();
        phase.setId("dashboard-phase");
        subs.bind(phase.textProperty(), Bindings.createStringBinding(() -> i18n.get("dashboard.phase."
                + vm.phaseProperty().get().name().toLowerCase(Locale.ROOT)), vm.phaseProperty()));
        Label backend = new Label();
        backend.setId("dashboard-backend");
        subs.bind(backend.textProperty(), Bindings.createStringBinding(() -> vm.backendProperty().get().isEmpty() ? ""
                : i18n.format("status.backend", vm.backendProperty().get()), vm.backendProperty()));
        Label status = new Label();
        status.setId("dashboard-status");
        subs.bind(status.textProperty(), vm.statusProperty());
        status.setWrapText(true);
        status.setMaxHeight(40);
        subs.bind(status.styleProperty(), Bindings.createStringBinding(
                () -> vm.failedProperty().get() ? "-fx-text-fill: #b00020;" : "", vm.failedProperty()));
        // Two lines fit; the whole sentence is in the tooltip, so a long one can still be read.
        org.neuralcanvas.ui.common.FullText.onHover(status);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        // Keras: calling fit() again goes on from the trained weights; a fresh run starts from new ones.
        javafx.scene.control.CheckBox keep = new javafx.scene.control.CheckBox(i18n.get("dashboard.continue"));
        keep.setId("check-continue");
        subs.bindBidirectional(keep.selectedProperty(), vm.weights().continueTrainingProperty());
        subs.bind(keep.disableProperty(), Bindings.createBooleanBinding(() -> !vm.weights().canContinueProperty().get()
                || vm.phaseProperty().get().isActive(), vm.weights().canContinueProperty(), vm.phaseProperty()));
        HBox row = new HBox(8, train, keep, pause, stop, phase, backend, status);
        row.setAlignment(Pos.CENTER_LEFT);
        // The controls keep their size; the long backend and status texts give way (the status bar shows both in full).
        keep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        phase.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        backend.setMinWidth(0);
        status.setMinWidth(0);
        return row;
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private HBox progress() {
        ProgressBar epoch = new ProgressBar();
        epoch.setId("progress-epoch");
        subs.bind(epoch.progressProperty(), vm.progress().epochProgressProperty());
        ProgressBar run = new ProgressBar();
        run.setId("progress-run");
        subs.bind(run.progressProperty(), vm.progress().runProgressProperty());
        subs.bind(run.visibleProperty(), Bindings.createBooleanBinding(
                () -> vm.phaseProperty().get() != RunPhase.IDLE || vm.progress().runProgressProperty().get() > 0,
                vm.phaseProperty(), vm.progress().runProgressProperty()));
        epoch.setPrefWidth(200);
        run.setPrefWidth(260);
        Label epochLabel = new Label();
        subs.bind(epochLabel.textProperty(), vm.progress().epochTextProperty());
        epochLabel.setMinWidth(80);
        Label runLabel = new Label(i18n.get("dashboard.run"));
        Label time = new Label();
        time.setId("dashboard-time");
        subs.bind(time.textProperty(), vm.progress().timeTextProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, epochLabel, epoch, runLabel, run, time);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TabPane sidePanel() {
        logView.setId("training-log");
        logView.setItems(vm.progress().log());
        subs.onClose(() -> logView.setItems(null)); // the list view and its selection listen to the items
        logView.getStyleClass().add("training-log");
        logView.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
                setStyle("-fx-font-family: monospace; -fx-font-size: 11px; -fx-padding: 1 4 1 4;");
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        subs.onChange(vm.progress().log(), (javafx.collections.ListChangeListener<String>) ch -> logView.scrollTo(vm.progress().log().size() - 1));
        Tab logTab = new Tab(i18n.get("dashboard.log"), logView);

        runList.setId("run-history");
        runList.setItems(vm.runs());
        subs.onClose(() -> runList.setItems(null));
        // The latest run is the one shown by default: its settings below the list, its results in the Results tab.
        subs.onChange(vm.runs(), (javafx.collections.ListChangeListener<RunRecord>) c -> selectLatestRun());
        subs.onChange(vm.overlaid(), (javafx.collections.ListChangeListener<RunRecord>) c -> syncOverlayChecks());
        runList.setCellFactory(CheckBoxListCell.forListView(this::overlayCheck, new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunRecord r) {
                if (r == null) {
                    return "";
                }
                String when = RunDescriptions.when(r);
                return r.id() + (when.isEmpty() ? "" : " · " + when) + " · " + r.datasetId() + " · " + r.outcome()
                        + " · " + i18n.format("dashboard.runEpochs", r.history().size());
            }

            @Override
            public RunRecord fromString(String s) {
                return null;
            }
        }));
        TextArea details = new TextArea();
        details.setId("run-settings");
        details.setEditable(false);
        details.setWrapText(true);
        details.getStyleClass().add("training-log");
        runList.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> details.setText(r == null ? ""
                : RunDescriptions.describe(r)));
        javafx.scene.control.MenuItem exportCsv = new javafx.scene.control.MenuItem(i18n.get("dashboard.runs.exportCsv"));
        exportCsv.setOnAction(e -> {
            RunRecord run = runList.getSelectionModel().getSelectedItem();
            if (run != null) {
                javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
                chooser.setTitle(i18n.get("dashboard.runs.exportCsv"));
                chooser.setInitialFileName(run.id() + "-history.csv");
                chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
                java.io.File file = chooser.showSaveDialog(getScene().getWindow());
                if (file != null) {
                    vm.exportHistory(run, file.toPath());
                }
            }
        });
        javafx.scene.control.MenuItem showResults = new javafx.scene.control.MenuItem(i18n.get("dashboard.runs.showResults"));
        showResults.setId("menu-run-results");
        showResults.setOnAction(e -> showResultsOf(runList.getSelectionModel().getSelectedItem()));
        runList.getSelectionModel().selectedItemProperty().addListener((o, a, r) ->
                showResults.setDisable(r == null || r.results() == null));
        runList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                showResultsOf(runList.getSelectionModel().getSelectedItem());
            }
        });
        javafx.scene.control.MenuItem openCheckpoint = new javafx.scene.control.MenuItem(
                i18n.get("dashboard.runs.openCheckpoint"));
        openCheckpoint.setId("menu-run-checkpoint");
        openCheckpoint.setOnAction(e -> openCheckpointOf(runList.getSelectionModel().getSelectedItem()));
        runList.getSelectionModel().selectedItemProperty().addListener((o, a, r) ->
                openCheckpoint.setDisable(r == null || r.checkpoint() == null));
        javafx.scene.control.MenuItem continueRun = new javafx.scene.control.MenuItem(i18n.get("dashboard.runs.continue"));
        continueRun.setId("menu-run-continue");
        continueRun.setOnAction(e -> vm.continueFrom(runList.getSelectionModel().getSelectedItem()));
        subs.bind(continueRun.disableProperty(), Bindings.createBooleanBinding(() -> vm.phaseProperty().get().isActive()
                || runList.getSelectionModel().getSelectedItem() == null, vm.phaseProperty(),
                runList.getSelectionModel().selectedItemProperty()));
        runList.setContextMenu(new javafx.scene.control.ContextMenu(showResults, continueRun, openCheckpoint, exportCsv));
        Label hint = new Label(i18n.get("dashboard.runs.hint"));
        hint.setWrapText(true);
        SplitPane runs = new SplitPane(runList, details);
        runs.setOrientation(Orientation.VERTICAL);
        VBox runBox = new VBox(2, hint, runs);
        VBox.setVgrow(runs, Priority.ALWAYS);
        Tab runTab = new Tab(i18n.get("dashboard.runs"), runBox);
        runTab.setId("tab-runs");
        selectLatestRun();
        histograms = new HistogramsView(vm, i18n, work);
        Tab histogramTab = new Tab(i18n.get("histograms.tab"), histograms);
        histogramTab.setId("tab-histograms");
        // Gathering starts when the tab is first shown: a learner who never looks pays nothing for it.
        histogramTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                vm.wantLayerStats();
            }
        });
        TabPane tabs = new TabPane(logTab, runTab, histogramTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private java.util.function.Consumer<java.nio.file.Path> onOpenCheckpoint = file -> { };

    /** What opening a run's checkpoint does (the training feature opens it as a trained model). */
    public void setOnOpenCheckpoint(java.util.function.Consumer<java.nio.file.Path> open) {
        this.onOpenCheckpoint = open;
    }

    /** Opens the model file ModelCheckpoint wrote in a run (the context menu's "Open Its Checkpoint"). */
    void openCheckpointOf(RunRecord run) {
        if (run != null && run.checkpoint() != null) {
            onOpenCheckpoint.accept(java.nio.file.Path.of(run.checkpoint()));
        }
    }

    private void selectLatestRun() {
        if (!vm.runs().isEmpty()) {
            runList.getSelectionModel().select(vm.runs().size() - 1);
        }
    }

    /** The run selected in the Runs list, if any. */
    java.util.Optional<RunRecord> selectedRun() {
        return java.util.Optional.ofNullable(runList.getSelectionModel().getSelectedItem());
    }

    /** An earlier run's results, as its record keeps them, in the Results tab (double-click, or the context menu). */
    void showResultsOf(RunRecord run) {
        if (run != null && run.results() != null && !vm.phaseProperty().get().isActive()) {
            vm.showStored(run);
        }
    }

    /** A run's tick box; keyed by run (not record: a record is replaced once its test results are in). */
    private BooleanProperty overlayCheck(RunRecord r) {
        String k = key(r);
        return overlayChecks.computeIfAbsent(k, x -> {
            BooleanProperty p = new SimpleBooleanProperty(overlaidKeys().contains(k));
            p.addListener((o, a, on) -> {
                boolean shown = overlaidKeys().contains(k);
                if (on && !shown) {
                    vm.runs().stream().filter(run -> key(run).equals(k)).findFirst().ifPresent(vm.overlaid()::add);
                } else if (!on && shown) {
                    vm.overlaid().removeIf(run -> key(run).equals(k));
                }
            });
            return p;
        });
    }

    /** The ticks follow what is drawn: another project opened (nothing of this one's drawn), its latest run drawn. */
    private void syncOverlayChecks() {
        java.util.Set<String> on = overlaidKeys();
        overlayChecks.forEach((k, p) -> p.set(on.contains(k)));
    }

    private java.util.Set<String> overlaidKeys() {
        return vm.overlaid().stream().map(DashboardView::key).collect(java.util.stream.Collectors.toSet());
    }

    private static String key(RunRecord r) {
        return r.id() + "@" + r.startedAt();
    }

    public LiveChart lossChart() {
        return lossChart;
    }

    public LiveChart metricChart() {
        return metricChart;
    }

    /** Releases the charts from the shared curves (the window is being rebuilt). */
    public void dispose() {
        subs.close();
        vm.curves().detach(lossChart.chart());
        vm.curves().detach(metricChart.chart());
        if (histograms != null) {
            histograms.dispose();
        }
    }

    /** The Histograms tab's view (for tests). */
    HistogramsView histograms() {
        return histograms;
    }
}
