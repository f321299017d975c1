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
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.data.DatasetFit;
import org.neuralcanvas.engine.data.PreparedRun;
import org.neuralcanvas.engine.train.ContinuedTraining;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.ui.results.StoredResults;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.TrainingSetupEdit;
import org.neuralcanvas.ui.common.FxTicker;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.main.Document;
import org.neuralcanvas.ui.main.MainViewModel;
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
    private TrainingSession session;
    private PreparedRun prepared;
    private TrainingSettings runSettings;
    private DatasetChoice runDataset;
    private String runStartedAt;
    /** The model file ModelCheckpoint last wrote in this run; null until it writes one. */
    private Path runCheckpoint;
    private boolean stopPressed;
    private final List<EpochResult> runHistory = new ArrayList<>();

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
            status.set("");
            failed.set(false);
            if (!runs.isEmpty()) {
                RunRecord latest = runs.get(runs.size() - 1);
                overlaid.add(latest);
                results.showStored(latest);
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
        if (phase.get().isActive()) {
            return;
        }
        recheck();
        if (!main.inferenceProperty().get().isValid()) {
            status.set(main.inferenceProperty().get().problems().get(0).message());
            failed.set(true);
            return;
        }
        if (!fit.get().fits()) {
            status.set(String.join(" ", fit.get().problems()));
            failed.set(true);
            return;
        }
        List<String> refused = readiness.problemsProperty().get();
        if (!refused.isEmpty()) {
            // A hand-edited file can hold what the Train panel would refuse; it never reaches the engine.
            status.set(String.join(" ", refused));
            failed.set(true);
            return;
        }
        ModelGraph snapshot = main.document().graph().copy();
        runDocument = main.document();
        TrainedModel from = weights.startingPoint();
        runSettings = settings.get();
        runDataset = dataset.get();
        Instant started = Instant.now();
        runStartedAt = started.toString();
        runCheckpoint = null;
        stopPressed = false;
        runHistory.clear();
        progress.clear();
        results.clear();
        curves.reset(runSettings.metrics().isEmpty() ? null : runSettings.metrics().get(0));
        failed.set(false);
        status.set("");
        phase.set(RunPhase.PREPARING);
        // One folder per run, named by its id and start: run-1 of two projects never overwrite each other's checkpoint.
        Path checkpoints = main.userFiles().home().resolve("checkpoints").resolve(RunRecord.nextId(project()) + "-"
                + CHECKPOINT_TIME.format(started.atZone(java.time.ZoneOffset.UTC)));
        TrainingSettings s = runSettings;
        DatasetChoice d = runDataset;
        work.execute(() -> prepare(snapshot, s, d, checkpoints, from));
    }

    /**
     * On {@code work}: the first ND4J use, the dataset, the compiled model (or the trained model to
     * continue from, with its weights, optimizer state and epoch count); then the session starts.
     */
    private void prepare(ModelGraph graph, TrainingSettings s, DatasetChoice choice, Path checkpoints, TrainedModel from) {
        try {
            String device = new Backends().describeInWords();
            PreparedRun run = data.prepare(choice, s);
            Path checkpointDir = s.callbacks().checkpoint().enabled() ? checkpoints : null;
            TrainingSession ts;
            if (from != null) {
                // With the settings of this run, not those the model was trained with: its record says these.
                List<String> notes = new ArrayList<>();
                TrainedModel continued = ContinuedTraining.with(from, s, notes);
                if (!notes.isEmpty()) {
                    fx.execute(() -> status.set(String.join(" ", notes)));
                }
                ts = new TrainingSession(continued, run.trainingData(), events::add, checkpointDir);
            } else {
                Compilation c = Dl4jCompiler.compile(graph, s);
                if (!c.ok()) {
                    fx.execute(() -> endWithoutRun(String.join(" ", c.problems())));
                    return;
                }
                ts = new TrainingSession(c.model(), run.trainingData(), events::add, checkpointDir);
            }
            ts.checkpointDataset(choice);
            int first = from == null ? 1 : from.epochsTrained() + 1;
            fx.execute(() -> begin(ts, run, device, first));
        } catch (DatasetException e) {
            fx.execute(() -> endWithoutRun(e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Could not start training", e);
            fx.execute(() -> endWithoutRun(i18n.get().format("train.startFailed", e.getMessage())));
        }
    }

    private void begin(TrainingSession ts, PreparedRun run, String device, int first) {
        if (stopPressed) {
            // Stop while the data was being prepared: nothing trained, so nothing is evaluated or recorded.
            ts.close();
            endWithoutRun(i18n.get().get("train.stoppedBeforeStart"));
            failed.set(false);
            return;
        }
        session = ts;
        prepared = run;
        backend.set(device);
        main.backendDescriptionProperty().set(device);
        progress.begin(first, runSettings.epochs());
        phase.set(RunPhase.RUNNING);
        drainTimer.play();
        ts.continueTraining(runSettings.epochs());
    }

    private void endWithoutRun(String why) {
        status.set(why);
        failed.set(true);
        phase.set(RunPhase.IDLE);
    }

    public void pause() {
        if (session != null && phase.get() == RunPhase.RUNNING) {
            session.pause();
        }
    }

    public void resume() {
        if (session != null && phase.get() == RunPhase.PAUSED) {
            session.resume();
        }
    }

    /** Stops between two batches; the finished epochs are kept, evaluated and recorded. */
    public void stop() {
        stopPressed = true;
        if (session != null) {
            session.stop();
        }
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
            } else if (e instanceof TrainingEvent.CallbackActed c) {
                progress.note(c.line());
                if (c.file() != null) {
                    runCheckpoint = c.file();
                }
            } else if (e instanceof TrainingEvent.StateChanged s) {
                onState(s);
            }
        }
        boolean live = progress.refresh(phase.get() == RunPhase.RUNNING || phase.get() == RunPhase.PAUSED);
        curves.publish(live);
    }

    private void onState(TrainingEvent.StateChanged s) {
        switch (s.transition()) {
            case STARTED -> phase.set(RunPhase.RUNNING);
            case RESUMED -> {
                progress.resumed();
                phase.set(RunPhase.RUNNING);
            }
            case PAUSED -> {
                progress.paused();
                phase.set(RunPhase.PAUSED);
            }
            case STOPPED, FINISHED, FAILED -> ended(s);
        }
    }

    private void ended(TrainingEvent.StateChanged s) {
        boolean fail = s.state() == SessionState.FAILED;
        progress.note(s.message());
        progress.ended(!fail);
        status.set(s.message());
        failed.set(fail);
        String outcome = RunRecord.outcome(s.state().name(), stopPressed, s.message());
        recordRun(outcome);
        TrainingSession ended = session;
        if (ended.model() != null && ended.model().epochsTrained() > 0) {
            weights.trained(ended.model());
        }
        if (ended.model() != null && !fail) {
            phase.set(RunPhase.EVALUATING);
            results.evaluate(ended.model(), prepared, runDataset, () -> {
                keepResults();
                finish(ended);
            });
        } else {
            finish(ended);
        }
    }

    private void finish(TrainingSession ended) {
        ended.close();
        drainTimer.stop();
        phase.set(RunPhase.IDLE);
    }

    /** The record of the last run and the project it went into, so that its test results can be kept with it. */
    private RunRecord lastRecord;
    private Project lastOwner;

    /** The finished run's test results go into its record, so they can be shown again from the project file. */
    private void keepResults() {
        var report = results.reportProperty().get();
        if (report == null || lastRecord == null) {
            return;
        }
        RunRecord with = lastRecord.withResults(StoredResults.of(report, results.baselinesProperty().get()));
        if (lastOwner.replaceRun(lastRecord, with)) {
            int shown = runs.indexOf(lastRecord);
            if (shown >= 0) {
                runs.set(shown, with);
            }
            overlaid.replaceAll(r -> r == lastRecord ? with : r);
            lastRecord = with;
            if (lastOwner == project()) {
                main.markChanged(); // autosave writes the results too, not only the record without them
            }
        }
    }

    /** The run goes into the project that started it, even when another one has been opened since. */
    private void recordRun(String outcome) {
        Project owner = runDocument == null ? project() : runDocument.project();
        RunRecord record = new RunRecord(RunRecord.nextId(owner), runStartedAt, runSettings,
                data.descriptor(runDataset).map(d -> d.id()).orElse(runDataset.datasetId()), outcome,
                EpochResult.historyMaps(runHistory)).withCheckpoint(runCheckpoint == null ? null : runCheckpoint.toString());
        owner.addRun(record);
        lastRecord = record;
        lastOwner = owner;
        if (runDocument == null || runDocument == main.document()) {
            runs.add(record);
            main.markChanged();
        }
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
