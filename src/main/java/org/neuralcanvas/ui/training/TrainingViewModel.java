package org.neuralcanvas.ui.training;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.domain.edit.ChangeNodeEdit;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.baseline.BaselineReport;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.data.DatasetFit;
import org.neuralcanvas.engine.data.PreparedRun;
import org.neuralcanvas.project.FoldSummary;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.PausedChanges;
import org.neuralcanvas.engine.run.RunOutcome;
import org.neuralcanvas.engine.run.RunRequest;
import org.neuralcanvas.engine.run.TrainingRun;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.TrainingSetupEdit;
import org.neuralcanvas.project.RunRow;
import org.neuralcanvas.project.SweepPlan;
import org.neuralcanvas.project.ValidationPlan;
import org.neuralcanvas.ui.common.FxTicker;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.document.Document;
import org.neuralcanvas.ui.document.MainViewModel;
import org.neuralcanvas.ui.results.ResultsViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Train panel's and the dashboard's state and decisions: the run's settings and dataset
 * (kept in the open project), the check that the dataset fits the graph, and one run at a time.
 *
 * <p>Threads: the session's listener, on the training thread, only appends to a lock-free queue;
 * a 100 ms ticker ({@link FxTicker}) has the FX thread drain it into the progress, the log and the chart data in
 * one batch. Dataset preparation, compiling and the first ND4J use run on {@code work}; nothing
 * here waits for them. Properties change on the FX thread only.
 */
public final class TrainingViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);
    private static final java.time.format.DateTimeFormatter CHECKPOINT_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", java.util.Locale.ROOT);

    private final MainViewModel main;
    private final BundledTrainingData data;
    private final Executor work;
    private final Executor fx;
    private final Supplier<I18n> i18n;
    private final Queue<TrainingEvent> events = new ConcurrentLinkedQueue<>();
    private final RunCurves curves = new RunCurves();
    private final RunProgress progress = new RunProgress();
    /** The document whose Train started the current (or last) run. */
    private Document runDocument;
    private final ResultsViewModel results;
    private final FxTicker drainTimer;

    private final ObjectProperty<TrainingSettings> settings = new SimpleObjectProperty<>(TrainingSettings.defaults());
    private final ObjectProperty<DatasetChoice> dataset = new SimpleObjectProperty<>(DatasetChoice.none());
    private final ObjectProperty<DatasetFit> fit = new SimpleObjectProperty<>();
    private final ObjectProperty<RunPhase> phase = new SimpleObjectProperty<>(RunPhase.IDLE);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty backend = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    /** Why Train cannot start now (a refused field, a setting out of range, a loss that does not fit the output). */
    private final TrainReadiness readiness;
    private final ObservableList<RunRecord> overlaid = FXCollections.observableArrayList();
    private final TrainedWeights weights;

    // The current run (FX thread).
    private TrainingRun run;
    /** The settings the run started with (its record's), and those it trains with now (after a resume with changes). */
    private TrainingSettings runSettings;
    private TrainingSettings liveSettings;
    private DatasetChoice runDataset;
    /** The model the current run trains (the snapshot Train took), kept with its record for comparing runs. */
    private ModelGraph runGraph;
    private int runFirstEpoch = 1;
    private final List<EpochResult> runHistory = new ArrayList<>();
    private final RunAdvice advice = new RunAdvice();
    /** K-fold: the finished folds' histories of the current run, and the shown run's fold scores (null: not K-fold). */
    private final List<List<Map<String, Double>>> foldHistories = new ArrayList<>();
    private final ObjectProperty<FoldSummary> foldSummary = new SimpleObjectProperty<>();
    /** The search in progress (null when none), the run ids of its trials so far, and those of the last search. */
    private SearchInProgress search;
    private final List<String> searchRunIds = new ArrayList<>();
    private final ObservableList<String> lastSearch = FXCollections.observableArrayList();
    /** Every layer's distributions after each epoch of the current run, once the Histograms tab asked for them. */
    private final ObservableList<TrainingEvent.LayerStatsReady> layerStats = FXCollections.observableArrayList();
    private volatile boolean layerStatsWanted;
    /** The current run's advisor notes from the layers' statistics, for its record. */
    private final List<String> layerNotes = new ArrayList<>();

    /**
     * @param i18n the window's language now (it changes when the user switches; this view model stays)
     */
    public TrainingViewModel(MainViewModel main, BundledTrainingData data, Executor work, Executor fx, Supplier<I18n> i18n) {
        this.main = main;
        this.i18n = i18n;
        this.data = data;
        this.work = work;
        this.fx = fx;
        this.results = new ResultsViewModel(work, fx, i18n);
        this.weights = new TrainedWeights(() -> main.document().graph());
        this.readiness = new TrainReadiness(settings::get, () -> main.document().graph());
        this.drainTimer = new FxTicker("dashboard-ticker", Duration.ofMillis(100), fx, this::drain);
        main.documentProperty().addListener((o, a, doc) -> loadProject());
        main.datasetsFetchedProperty().addListener((o, a, b) -> recheck());
        overlaid.addListener((javafx.collections.ListChangeListener<RunRecord>) c -> curves.showOverlays(overlaid));
        loadProject();
    }

    // ---- settings -------------------------------------------------------------------------------

    private Project project() {
        return main.document().project();
    }

    /** The open project's settings, dataset and runs, e.g. after a template was loaded. */
    private void loadProject() {
        Document doc = main.document();
        // Every step on its undo history (graph edits, Train-panel changes, undo, redo) may change what is checked.
        doc.history().addListener(() -> {
            if (doc == main.document()) {
                recheck();
            }
        });
        weights.forget();
        settings.set(project().settings());
        dataset.set(project().dataset());
        runs.setAll(project().runs());
        overlaid.clear();
        if (!phase.get().isActive()) {
            // What the Training and Results tabs show belongs to the project that made it: another project starts
            // clean, with its own latest run: its curves drawn, its test results (as its record keeps them) shown.
            progress.clear();
            results.clear();
            results.modelProperty().set(null);
            curves.reset(null);
            foldSummary.set(null);
            status.set("");
            failed.set(false);
            if (!runs.isEmpty()) {
                RunRecord latest = runs.get(runs.size() - 1);
                if (latest.isKFold()) {
                    showFolds(latest); // its folds and their mean; its record's history is that mean
                } else {
                    overlaid.addAll(withAncestors(latest));
                }
                showStored(latest);
            }
        }
        recheck();
    }

    /** Changes the run's settings: one undoable step; the project keeps them and becomes unsaved. */
    public void setSettings(TrainingSettings s) {
        if (s.equals(settings.get())) {
            return;
        }
        main.execute(TrainingSetupEdit.settings(project(), s));
    }

    /** Chooses the dataset and its preprocessing: one undoable step. */
    public void setDataset(DatasetChoice choice) {
        if (choice.equals(dataset.get())) {
            return;
        }
        main.execute(TrainingSetupEdit.dataset(project(), choice));
    }

    /** Chooses a bundled dataset by id with its default preprocessing. */
    public void chooseDataset(String id) {
        setDataset(new DatasetChoice(id, Map.of()));
    }

    /**
     * After any step on the undo history (a graph edit, a settings change, an undo or redo): shows the
     * project's settings and dataset, and checks the dataset against the graph (shape inference only: milliseconds).
     */
    public void recheck() {
        if (!settings.get().equals(project().settings())) {
            settings.set(project().settings());
        }
        if (!dataset.get().equals(project().dataset())) {
            dataset.set(project().dataset());
        }
        weights.recheck();
        fit.set(data.check(dataset.get(), settings.get(), main.document().graph()));
        readiness.refresh();
        loadOwnDataIfNeeded();
    }

    // ---- the cost preview ------------------------------------------------------------------------

    private final org.neuralcanvas.engine.run.CostPreview costPreview = new org.neuralcanvas.engine.run.CostPreview();
    private final StringProperty costText = new SimpleStringProperty("");
    private final BooleanProperty costWarning = new SimpleBooleanProperty();
    private final BooleanProperty estimating = new SimpleBooleanProperty();

    /**
     * Estimates seconds per epoch and peak memory of the run Train would start now (a few timed steps on the work
     * thread; the same network and batch size again costs nothing); the Train panel says it, with a warning for a run
     * longer than 30 minutes or larger than the free memory.
     */
    public void estimateCost() {
        if (phase.get().isActive() || estimating.get() || !fit.get().fits()) {
            if (fit.get() != null && !fit.get().fits()) {
                costText.set(String.join(" ", fit.get().problems()));
                costWarning.set(true);
            }
            return;
        }
        ModelGraph graph = main.document().graph().copy();
        TrainingSettings s = settings.get();
        DatasetChoice choice = dataset.get();
        long examples = data.descriptor(choice).map(d -> (long) d.trainCount()).orElse(0L);
        estimating.set(true);
        costText.set(i18n.get().get("cost.estimating"));
        costWarning.set(false);
        work.execute(() -> {
            String text;
            boolean warn;
            try {
                var e = costPreview.estimate(data, choice, graph, s, examples);
                warn = e.isLong() || !e.fitsInMemory();
                text = i18n.get().format("cost.estimate", seconds(e.secondsPerEpoch()), seconds(e.secondsInAll()),
                        megabytes(e.memoryBytes()), megabytes(e.availableBytes()))
                        + (e.isLong() ? " " + i18n.get().get("cost.long") : "")
                        + (e.fitsInMemory() ? "" : " " + i18n.get().get("cost.memory"));
            } catch (RuntimeException ex) {
                LOG.warn("Cost preview failed", ex);
                text = i18n.get().format("cost.failed", String.valueOf(ex.getMessage()));
                warn = true;
            }
            String t = text;
            boolean w = warn;
            fx.execute(() -> {
                estimating.set(false);
                costText.set(t);
                costWarning.set(w);
            });
        });
    }

    private static String seconds(double s) {
        return s < 90 ? String.format(java.util.Locale.ROOT, "%.1f s", s) : RunProgress.elapsedText(s);
    }

    private static String megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "?" : String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /** The last estimate in words (empty before any). */
    public StringProperty costTextProperty() {
        return costText;
    }

    /** Whether the estimate warns (a long run, not enough memory, or none could be made). */
    public BooleanProperty costWarningProperty() {
        return costWarning;
    }

    public BooleanProperty estimatingProperty() {
        return estimating;
    }

    // ---- the user's own data --------------------------------------------------------------------

    /** The own-data choice being read on the work thread (null when none): a second recheck does not read it again. */
    private DatasetChoice reading;

    /**
     * Makes a CSV table or an image folder the project's dataset: read and checked on the work thread, then chosen
     * as one undoable step (with its checksum and, for a table, the target column and task the import settled on).
     * A file that cannot be used is a sentence in the status; the dataset stays as it was.
     */
    public void addOwnData(org.neuralcanvas.dataset.own.OwnDataSpec spec) {
        DatasetChoice choice = org.neuralcanvas.engine.data.OwnDataChoices.choice(spec, Map.of());
        Document doc = main.document();
        reading = choice;
        status.set(i18n.get().format("own.reading", spec.path().getFileName()));
        failed.set(false);
        work.execute(() -> {
            try {
                DatasetChoice loaded = data.loadOwn(choice);
                fx.execute(() -> {
                    reading = null;
                    if (doc == main.document()) {
                        setDataset(loaded);
                        ownNotes();
                    }
                });
            } catch (DatasetException | RuntimeException e) {
                fx.execute(() -> {
                    reading = null;
                    say(e.getMessage(), true);
                });
            }
        });
    }

    /**
     * validation_data from a file: a second table with the own table's columns validates (and tests) instead of a part
     * of it, and the validation becomes "the test set", which is now that table; all the first table's rows train.
     */
    public void useHeldOutTable(Path file) {
        if (org.neuralcanvas.engine.data.OwnDataChoices.spec(dataset.get()).isEmpty()) {
            return;
        }
        TrainingSettings s = settings.get();
        if (s.validation().kind() != ValidationPlan.Kind.TEST_SET) {
            setSettings(s.withValidation(s.validation().withKind(ValidationPlan.Kind.TEST_SET)));
        }
        changeOwnData(spec -> spec.withHeldOut(new org.neuralcanvas.dataset.own.OwnDataSpec.HeldOut(file, "")));
    }

    /** Changes an own table's target column or task, or an image folder's size or colour: read again, then chosen. */
    public void changeOwnData(java.util.function.UnaryOperator<org.neuralcanvas.dataset.own.OwnDataSpec> change) {
        org.neuralcanvas.engine.data.OwnDataChoices.spec(dataset.get()).ifPresent(spec -> addOwnData(change.apply(spec)));
    }

    /**
     * A project opened with own data (or an undo back to it): the data is read on the work thread once, and the check
     * says "Reading …" until then, or the sentence of what is wrong with the file.
     */
    private void loadOwnDataIfNeeded() {
        DatasetChoice choice = dataset.get();
        if (reading != null || !data.needsLoading(choice)) {
            return;
        }
        reading = choice;
        work.execute(() -> {
            try {
                data.loadOwn(choice);
            } catch (DatasetException | RuntimeException e) {
                // Kept by the data as the choice's failure: the check below says it.
            }
            fx.execute(() -> {
                reading = null;
                if (choice.equals(dataset.get())) {
                    recheck();
                    ownNotes();
                }
            });
        });
    }

    /** What the import said (rows left out, values filled in), in the status. */
    private void ownNotes() {
        data.ownDataset(dataset.get()).ifPresent(d -> {
            if (!d.notes().isEmpty()) {
                say(String.join(" ", d.notes()), false);
            }
        });
    }

    /**
     * A Train-panel field's problem (the sentence of its range), or null once it shows an allowed value again. Train
     * stays disabled while any field shows a refused value, though the settings keep their last allowed one.
     */
    public void setFieldProblem(String field, String problem) {
        readiness.fieldProblem(field, problem);
    }

    /** Sets the Input's shape to the one the dataset gives, as one undoable edit. */
    public void fixInputShape() {
        DatasetFit f = fit.get();
        if (f != null && f.canFixInput()) {
            main.execute(ChangeNodeEdit.setParam(main.document().graph(), f.inputNodeId(), "shape", f.suggestedInputShape()));
        }
    }

    // ---- running --------------------------------------------------------------------------------

    /** Starts a run on a snapshot of the graph and settings; refuses (with the reason in status) when the data does not fit. */
    public void train() {
        if (phase.get().isActive() || !mayTrain()) {
            return;
        }
        start(main.document().graph().copy(), settings.get(), weights.startingPoint());
    }

    /** Whether the open model, its dataset and its settings can train now; if not, the status says why. */
    private boolean mayTrain() {
        recheck();
        if (!main.inferenceProperty().get().isValid()) {
            status.set(main.inferenceProperty().get().problems().get(0).message());
            failed.set(true);
            return false;
        }
        if (!fit.get().fits()) {
            status.set(String.join(" ", fit.get().problems()));
            failed.set(true);
            return false;
        }
        List<String> refused = readiness.problemsProperty().get();
        if (!refused.isEmpty()) {
            // A hand-edited file can hold what the Train panel would refuse; it never reaches the engine.
            status.set(String.join(" ", refused));
            failed.set(true);
            return false;
        }
        return true;
    }

    /** Starts a run of {@code snapshot} with {@code startSettings}, from {@code from}'s weights or fresh ones (null). */
    private void start(ModelGraph snapshot, TrainingSettings startSettings, TrainedModel from) {
        runGraph = snapshot;
        runDocument = main.document();
        runSettings = startSettings;
        liveSettings = runSettings;
        runDataset = dataset.get();
        Instant started = Instant.now();
        runHistory.clear();
        advice.clear();
        foldHistories.clear();
        foldSummary.set(null);
        progress.clear();
        results.clear();
        curves.reset(runSettings.metrics().isEmpty() ? null : runSettings.metrics().get(0));
        failed.set(false);
        status.set("");
        phase.set(RunPhase.PREPARING);
        String runId = RunRecord.nextId(project());
        // One folder per run, named by its id and start: run-1 of two projects never overwrite each other's checkpoint.
        Path checkpoints = main.userFiles().home().resolve("checkpoints").resolve(runId + "-"
                + CHECKPOINT_TIME.format(started.atZone(java.time.ZoneOffset.UTC)));
        RunRequest request = new RunRequest(runId, started.toString(), snapshot, runSettings, runDataset, from,
                from == null ? null : weights.startingRunId(),
                runSettings.callbacks().checkpoint().enabled() ? checkpoints : null);
        runFirstEpoch = request.firstEpoch();
        // A continued run is drawn on one epoch axis with the runs it goes on from.
        overlaid.setAll(request.parentRunId() == null ? List.of() : runs.stream()
                .filter(x -> x.id().equals(request.parentRunId())).findFirst().map(this::withAncestors).orElse(List.of()));
        TrainingRun r = new TrainingRun(data, request, events::add);
        r.collectLayerStats(() -> layerStatsWanted);
        layerStats.clear();
        layerNotes.clear();
        run = r;
        drainTimer.play();
        // The first ND4J use (a second or two the first time), then the run's own preparation, on the work thread.
        work.execute(() -> {
            String device = new Backends().describeInWords();
            fx.execute(() -> {
                backend.set(device);
                main.backendDescriptionProperty().set(device);
            });
        });
        r.start(work).thenAccept(outcome -> fx.execute(() -> completed(r, outcome)));
    }

    private void endWithoutRun(String why) {
        status.set(why);
        failed.set(true);
        phase.set(RunPhase.IDLE);
    }

    public void pause() {
        if (run != null && phase.get() == RunPhase.RUNNING) {
            run.pause();
        }
    }

    /**
     * Resumes a paused run. Learning rate, epochs, batch size and callbacks changed in the Train panel meanwhile are
     * taken over from the exact state it paused in (a new segment of its record); other changes wait for the next run,
     * and the status says which.
     */
    public void resume() {
        if (run == null || phase.get() != RunPhase.PAUSED) {
            return;
        }
        TrainingSettings now = settings.get();
        if (now.equals(liveSettings)) {
            run.resume();
            return;
        }
        List<String> later = PausedChanges.leftForNextRun(liveSettings, now);
        liveSettings = PausedChanges.applicable(liveSettings, now);
        progress.retarget(liveSettings.epochs());
        run.resume(now);
        if (!later.isEmpty()) {
            say(i18n.get().format("train.resume.later", String.join(", ", later)), false);
        }
    }

    /** Stops between two batches; the finished epochs are kept, evaluated and recorded. */
    public void stop() {
        if (search != null) {
            search.stop(); // the trial in progress is recorded as a stopped run; no further trial starts
        }
        if (run != null) {
            run.stop();
        }
    }

    /**
     * Fork: the next Train goes on from a stored run as a new run, with the settings the Train panel has then; from the
     * model that run left in this session, or else from its checkpoint file (read on the work thread). The status says
     * how, or why it cannot: no model kept, or a graph no longer the one it trained.
     */
    public void continueFrom(RunRecord stored) {
        if (stored == null || phase.get().isActive()) {
            return;
        }
        if (stored.id().equals(weights.runId()) && weights.modelProperty().get() != null) {
            weights.opened(weights.modelProperty().get(), stored.id());
            saidContinuing(stored);
            return;
        }
        if (stored.checkpoint() == null) {
            say(i18n.get().format("train.continue.noModel", stored.id()), true);
            return;
        }
        Document doc = main.document();
        Path file = Path.of(stored.checkpoint());
        work.execute(() -> {
            try {
                TrainedModel model = org.neuralcanvas.engine.io.ModelStore.load(file);
                fx.execute(() -> {
                    if (doc == main.document() && !phase.get().isActive()) {
                        weights.opened(model, stored.id());
                        saidContinuing(stored);
                    }
                });
            } catch (org.neuralcanvas.engine.io.ModelFileException e) {
                fx.execute(() -> say(e.getMessage(), true));
            }
        });
    }

    private void saidContinuing(RunRecord stored) {
        if (weights.startingPoint() == null) {
            say(i18n.get().format("train.continue.otherGraph", stored.id()), true);
        } else {
            say(i18n.get().format("train.continue.fromRun", stored.id()), false);
        }
    }

    /** A K-fold run's folds and their mean on the charts, and their scores in the fold row. */
    private void showFolds(RunRecord kFold) {
        String metric = kFold.settings().metrics().isEmpty() ? null : kFold.settings().metrics().get(0);
        if (!java.util.Objects.equals(metric, curves.metricName())) {
            curves.reset(metric);
        }
        curves.showFolds(kFold.folds(), true);
        foldSummary.set(kFold.folds().isEmpty() ? null : FoldSummary.of(kFold.folds(), kFold.settings()));
    }

    /**
     * After K-fold: trains the final model as the notes do, on all the training data (no validation split) for the
     * epochs chosen from the mean curve, then evaluates it on the test set. The settings change is one undoable step.
     */
    public void trainFinalModel(int epochs) {
        if (phase.get().isActive()) {
            return;
        }
        TrainingSettings s = settings.get();
        setSettings(s.withValidation(s.validation().withKind(ValidationPlan.Kind.SPLIT)).withValidationSplit(0.0)
                .withEpochs(epochs));
        train();
    }

    /** The shown K-fold run's scores (null when the shown run is not K-fold); filled fold by fold while it runs. */
    public ObjectProperty<FoldSummary> foldSummaryProperty() {
        return foldSummary;
    }

    /** A run and the runs it continued from, oldest first (each id once, so a damaged file cannot loop). */
    private List<RunRecord> withAncestors(RunRecord run) {
        List<RunRecord> chain = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RunRecord r = run; r != null && seen.add(r.id()); ) {
            chain.add(0, r);
            String parent = r.parent();
            r = parent == null ? null : runs.stream().filter(x -> x.id().equals(parent)).findFirst().orElse(null);
        }
        return chain;
    }

    /** The run in progress (null when none): for what it trains with now. */
    public TrainingRun currentRun() {
        return run;
    }

    // ---- the drain: FX thread, every 100 ms ---------------------------------------------------------

    /** Moves the buffered events into the progress, the log and the chart data. Public for the benchmark and tests. */
    public void drain() {
        TrainingEvent e;
        while ((e = events.poll()) != null) {
            if (e instanceof TrainingEvent.BatchEnded b) {
                progress.batchEnded(b);
                curves.addBatch(b.epoch(), b.batch(), b.batches(), b.loss());
            } else if (e instanceof TrainingEvent.EpochEnded end) {
                runHistory.add(end.result());
                curves.addEpoch(end.result());
                progress.epochEnded(end.result());
                if (!runSettings.validation().isKFold()) { // a fold's curve is advised on as part of the folds' mean
                    advice.newLines(EpochResult.historyMaps(runHistory), runSettings, null).forEach(progress::note);
                }
            } else if (e instanceof TrainingEvent.LayerStatsReady stats) {
                layerStats.add(stats);
                List<String> lines = advice.newLines(stats.epoch(), stats.layers());
                lines.forEach(progress::note);
                layerNotes.addAll(lines); // kept with the run: the history cannot tell them again
            } else if (e instanceof TrainingEvent.FoldStarted f) {
                runHistory.clear();
                curves.startFold();
                progress.foldStarted(f.fold(), f.folds());
            } else if (e instanceof TrainingEvent.FoldEnded f) {
                progress.foldEnded(f.fold(), f.folds(), f.history());
                foldHistories.add(f.history());
                curves.showFolds(foldHistories, false);
                foldSummary.set(FoldSummary.of(foldHistories, runSettings));
            } else if (e instanceof TrainingEvent.CallbackActed c) {
                progress.note(c.line());
            } else if (e instanceof TrainingEvent.StateChanged s) {
                onState(s);
            } else if (e instanceof TrainingEvent.RunStep step) {
                onStep(step);
            } else if (e instanceof TrainingEvent.SettingsChanged changed) {
                progress.noteWithinEpoch(changed.line());
            }
        }
        boolean live = progress.refresh(phase.get() == RunPhase.RUNNING || phase.get() == RunPhase.PAUSED);
        curves.publish(live);
    }

    /** The steps outside the epochs: the preparation's, each with its share of the run bar, then the evaluation. */
    private void onStep(TrainingEvent.RunStep step) {
        if (step.step() == TrainingEvent.RunStep.Step.EVALUATING) {
            phase.set(RunPhase.EVALUATING);
            return;
        }
        String what = i18n.get().get("train.step." + step.step().name().toLowerCase(java.util.Locale.ROOT));
        progress.preparing(step.step().ordinal(), TrainingEvent.RunStep.Step.PREPARATION, what);
        if (!step.notes().isEmpty()) {
            status.set(String.join(" ", step.notes()));
        }
    }

    private void onState(TrainingEvent.StateChanged s) {
        switch (s.transition()) {
            case STARTED -> {
                progress.begin(runFirstEpoch, runSettings.epochs());
                phase.set(RunPhase.RUNNING);
            }
            case RESUMED -> {
                progress.resumed();
                phase.set(RunPhase.RUNNING);
            }
            case PAUSED -> {
                progress.paused();
                phase.set(RunPhase.PAUSED);
            }
            case STOPPED, FINISHED, FAILED -> {
                boolean fail = s.state() == SessionState.FAILED;
                progress.note(s.message());
                progress.ended(!fail);
                status.set(s.message());
                failed.set(fail);
            }
        }
    }

    /** The run's outcome (FX thread): recorded in the project that started it, its test results shown. */
    private void completed(TrainingRun r, RunOutcome outcome) {
        drain(); // the session's last events before its outcome
        if (r != run) {
            return;
        }
        run = null;
        if (outcome.stoppedBeforeStart()) {
            // Stop while the data was being prepared: nothing trained, so nothing is evaluated or recorded.
            finish();
            say(i18n.get().get("train.stoppedBeforeStart"), false);
            return;
        }
        if (outcome.record() == null) {
            if (search != null) {
                search.stop(); // a trial that cannot start: the next ones would not either
            }
            finish();
            say(outcome.message(), true);
            return;
        }
        RunRecord done = layerNotes.isEmpty() ? outcome.record() : outcome.record().withNotes(List.copyOf(layerNotes));
        recordRun(done);
        if (done.isKFold()) {
            showFolds(done);
        }
        results.judge(done, (runDocument == null ? project() : runDocument.project()).published());
        advice.newLines(done.history(), done.settings(), done.results()).forEach(progress::note); // one class: tested
        TrainedModel model = outcome.model();
        if (model != null && model.epochsTrained() > 0) {
            weights.trained(model, done.id());
        }
        if (outcome.report() != null) {
            phase.set(RunPhase.EVALUATING);
            DatasetChoice d = runDataset;
            TrainingSettings s = runSettings;
            Project owner = runDocument == null ? project() : runDocument.project();
            results.show(model, outcome.report(), () -> data.prepare(d, s), d, () -> {
                keepBaselines(done, owner);
                finish();
            });
        } else {
            finish();
        }
    }

    private void finish() {
        drainTimer.stop();
        phase.set(RunPhase.IDLE);
        if (search != null) {
            if (search.hasNext()) {
                fx.execute(this::nextTrial); // after this run's end has been shown
            } else {
                endSearch();
            }
        }
    }

    // ---- search: one trial after another, each an ordinary run ---------------------------------------

    /**
     * Runs a search: each trial of the plan is a run of the open model with the trial's values put in, from fresh
     * weights, one after another on the training thread, each recorded as a run of the project. Stop ends the search
     * after the trial in progress (recorded as stopped); the finished trials stay. The Train panel's own settings do
     * not change.
     */
    public void search(SweepPlan plan) {
        if (phase.get().isActive()) {
            return;
        }
        if (settings.get().validation().isKFold()) {
            say(i18n.get().get("search.kfold"), true);
            return;
        }
        if (!mayTrain()) {
            return;
        }
        List<SweepPlan.Trial> trials;
        try {
            trials = plan.trials(main.document().graph(), settings.get());
        } catch (IllegalArgumentException e) {
            say(e.getMessage(), true);
            return;
        }
        for (SweepPlan.Trial t : trials) {
            DatasetFit f = data.check(dataset.get(), t.settings(), t.graph());
            if (!f.fits()) { // a searched output layer's units that no longer match the dataset's classes
                say(i18n.get().format("search.trialDoesNotFit", t.number(), t.label(), String.join(" ", f.problems())), true);
                return;
            }
        }
        search = new SearchInProgress(trials);
        searchRunIds.clear();
        nextTrial();
    }

    private void nextTrial() {
        if (search == null || phase.get().isActive()) {
            return;
        }
        if (runDocument != null && runDocument != main.document()) {
            search = null; // another project was opened: its runs are not this search's
            return;
        }
        SweepPlan.Trial t = search.next();
        start(t.graph(), t.settings(), null);
        progress.note(i18n.get().format("search.trial", t.number(), search.size(), t.label()));
    }

    private void endSearch() {
        SearchInProgress done = search;
        search = null;
        List<RunRecord> trialRuns = runs.stream().filter(r -> searchRunIds.contains(r.id())).toList();
        overlaid.setAll(trialRuns); // every trial's curves, over each other
        lastSearch.setAll(searchRunIds);
        List<RunRow> rows = trialRuns.stream().map(RunRow::of).toList();
        int best = RunRow.bestOf(rows);
        if (best >= 0) {
            RunRow b = rows.get(best);
            String score = Double.isFinite(b.test()) ? b.testKey() + " " + org.neuralcanvas.engine.train.KerasLine.format(b.test())
                    : b.key() + " " + org.neuralcanvas.engine.train.KerasLine.format(b.best());
            say(i18n.get().format(done.stopped() ? "search.stopped" : "search.done", trialRuns.size(), done.size(),
                    b.run().id(), done.label(b.run().id(), searchRunIds), score), false);
        }
    }

    /**
     * From now on every run gathers its layers' distributions after each epoch (the Histograms tab was shown): until
     * then the training thread spends nothing on them. A run in progress starts at its next epoch.
     */
    public void wantLayerStats() {
        layerStatsWanted = true;
    }

    /** The current run's layer statistics, one entry per epoch (FX thread). */
    public ObservableList<TrainingEvent.LayerStatsReady> layerStats() {
        return layerStats;
    }

    /** The run ids of the last search's trials, in order (empty before any): the Runs table ranks these. */
    public ObservableList<String> lastSearch() {
        return lastSearch;
    }

    /** Whether a search is running (a trial in progress or about to start). */
    public boolean searching() {
        return search != null;
    }

    /** A search's trials, which have started, and whether Stop ended it. */
    private static final class SearchInProgress {
        private final List<SweepPlan.Trial> trials;
        private int started;
        private boolean stopped;

        SearchInProgress(List<SweepPlan.Trial> trials) {
            this.trials = trials;
        }

        boolean hasNext() {
            return !stopped && started < trials.size();
        }

        SweepPlan.Trial next() {
            return trials.get(started++);
        }

        int size() {
            return trials.size();
        }

        void stop() {
            stopped = true;
        }

        boolean stopped() {
            return stopped;
        }

        /** The values of the trial that ran as {@code runId}. */
        String label(String runId, List<String> runIds) {
            int i = runIds.indexOf(runId);
            return i >= 0 && i < trials.size() ? trials.get(i).label() : "";
        }
    }

    /**
     * The baselines fitted beside the finished run (after its test predictions) go into its record's results, so
     * reopening the project shows them too.
     */
    private void keepBaselines(RunRecord record, Project owner) {
        BaselineReport b = results.baselinesProperty().get();
        if (b == null || b.isEmpty() || record.results() == null) {
            return;
        }
        RunRecord with = record.withResults(record.results().withBaselines(b.scores()));
        if (owner.replaceRun(record, with)) {
            int shown = runs.indexOf(record);
            if (shown >= 0) {
                runs.set(shown, with);
            }
            overlaid.replaceAll(r -> r == record ? with : r);
            if (owner == project()) {
                main.markChanged(); // autosave writes the baselines too
            }
        }
    }

    /** The run goes into the project that started it, even when another one has been opened since. */
    private void recordRun(RunRecord record) {
        Project owner = runDocument == null ? project() : runDocument.project();
        owner.addRun(record);
        if (search != null) {
            searchRunIds.add(record.id());
        }
        if (runGraph != null) {
            owner.keepRunGraph(record.id(), runGraph);
        }
        if (runDocument == null || runDocument == main.document()) {
            runs.add(record);
            main.markChanged();
        }
    }


    /** A stored run's results in the Results tab, as its record keeps them, held against the tutorial's result. */
    public void showStored(RunRecord run) {
        results.showStored(run);
        results.judge(run, project().published());
    }

    // ---- properties -----------------------------------------------------------------------------

    /**
     * Takes a model opened from a file (its project is already the open document): its test-set
     * results are shown, and Train continues from its weights.
     */
    public void adopt(TrainedModel model) {
        weights.opened(model);
        DatasetChoice choice = dataset.get();
        TrainingSettings s = settings.get();
        if (data.descriptor(choice).isEmpty()) {
            return; // no bundled dataset to evaluate on; the model can still train once one is chosen
        }
        recheck();
        if (!fit.get().fits()) {
            status.set(String.join(" ", fit.get().problems()));
            return; // the Train panel shows how to make the dataset fit; then Train fine-tunes
        }
        phase.set(RunPhase.EVALUATING);
        work.execute(() -> {
            try {
                PreparedRun run = data.prepare(choice, s);
                fx.execute(() -> results.evaluate(model, run, choice, () -> phase.set(RunPhase.IDLE)));
            } catch (DatasetException | RuntimeException e) {
                fx.execute(() -> endWithoutRun(e.getMessage()));
            }
        });
    }

    /** Writes a run's history as CSV (epoch, loss, metrics, validation metrics) on the work thread; the status says how it went. */
    public void exportHistory(RunRecord run, Path file) {
        work.execute(() -> {
            String said;
            boolean ok = false;
            try {
                new ExportWriter().writeHistoryCsv(run, file);
                said = i18n.get().format("history.saved", run.id(), file.getFileName());
                ok = true;
            } catch (ExportException e) {
                said = e.getMessage();
            }
            String text = said;
            boolean problem = !ok;
            fx.execute(() -> say(text, problem));
        });
    }

    /**
     * Writes a run's reproducibility report, one self-contained HTML file, on the work thread: the project as it is now
     * (a snapshot through the file format, so the work thread never reads the live graph), the run's record, the
     * advisor's notes on it, this machine's versions and the backend the status bar names. The dashboard's status
     * says how it went.
     */
    public void exportReport(RunRecord run, Path file) {
        Project snapshot;
        try {
            snapshot = org.neuralcanvas.project.ProjectFile.parse(main.snapshotJson(), "snapshot");
        } catch (org.neuralcanvas.project.ProjectFileException e) {
            throw new IllegalStateException("A project always reads back", e);
        }
        String name = reportName(main.displayNameProperty().get());
        String backend = main.backendDescriptionProperty().get();
        work.execute(() -> {
            List<String> advice = org.neuralcanvas.engine.eval.TrainingAdvisor.allNotes(run);
            String said;
            boolean ok = false;
            try {
                new ExportWriter().writeReport(snapshot, name, run, new org.neuralcanvas.export.ReportFacts(
                        org.neuralcanvas.project.AppVersions.current(), backend, advice), file);
                said = i18n.get().format("report.saved", run.id(), file.getFileName());
                ok = true;
            } catch (ExportException e) {
                said = e.getMessage();
            }
            String text = said;
            boolean problem = !ok;
            fx.execute(() -> say(text, problem));
        });
    }

    /** The project's name for a report: its file's stem ({@code mnist.ncproj.json} → {@code mnist}). */
    static String reportName(String displayName) {
        return displayName == null || displayName.isBlank() ? "model"
                : displayName.replaceFirst("^\\*", "").replaceFirst("(\\.ncproj)?\\.json$", "").strip();
    }

    /** Says something in the dashboard's status: a problem in red, good news ("Saved …") plainly. */
    public void say(String text, boolean problem) {
        status.set(text);
        failed.set(problem);
    }

    /** The last trained or opened model, and whether Train continues from it. */
    public TrainedWeights weights() {
        return weights;
    }

    public ObjectProperty<TrainingSettings> settingsProperty() {
        return settings;
    }

    public ObjectProperty<DatasetChoice> datasetProperty() {
        return dataset;
    }

    /** Why Train is disabled now (each a sentence with the fix); empty when the settings allow a run. */
    public javafx.beans.property.ReadOnlyObjectProperty<List<String>> trainProblemsProperty() {
        return readiness.problemsProperty();
    }

    public ObjectProperty<DatasetFit> fitProperty() {
        return fit;
    }

    public ObjectProperty<RunPhase> phaseProperty() {
        return phase;
    }





    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public StringProperty backendProperty() {
        return backend;
    }

    /** The progress bars, the clock and the Keras-style log of the current (or last) run. */
    public RunProgress progress() {
        return progress;
    }


    public ObservableList<RunRecord> runs() {
        return runs;
    }

    /** Earlier runs whose curves are laid over the current ones. */
    public ObservableList<RunRecord> overlaid() {
        return overlaid;
    }

    /** The current (or last) run's epochs as the engine measured them. */
    public List<EpochResult> runHistory() {
        return List.copyOf(runHistory);
    }

    public RunCurves curves() {
        return curves;
    }

    public ResultsViewModel results() {
        return results;
    }

    public BundledTrainingData data() {
        return data;
    }

    public MainViewModel main() {
        return main;
    }
}
