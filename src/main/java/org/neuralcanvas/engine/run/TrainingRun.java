package org.neuralcanvas.engine.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.eval.Evaluator;
import org.neuralcanvas.engine.eval.StoredResults;
import org.neuralcanvas.engine.train.ContinuedTraining;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingEvent.RunStep.Step;
import org.neuralcanvas.engine.train.TrainingFailure;
import org.neuralcanvas.engine.train.TrainingListener;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.SettingRanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run, the same from the window and the command line (Keras's {@code compile}, {@code fit},
 * {@code evaluate}): check and compile the settings (or ready the trained model to go on from), prepare the data,
 * train in a {@link TrainingSession}, evaluate the test split, and write the run's {@link RunRecord} with its
 * segments and test results. A fix here lands in both.
 *
 * <p>Threads: preparing and evaluating run on the executor given to {@link #start}, training on the session's own
 * thread; nothing waits on the caller's. Events go to the listener as the session's do (cheap, never blocking), with
 * {@link TrainingEvent.RunStep}s for the steps outside the epochs. Stop during the preparation ends the run before
 * anything trains: nothing is evaluated and there is no record.
 */
public final class TrainingRun {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    private static final Sentences SAY = EngineSentences.SAY;

    final TrainingDataSource data;
    private final RunRequest request;
    final TrainingListener listener;
    volatile boolean stopRequested;
    /** The session training now: a K-fold run's changes fold by fold. */
    volatile TrainingSession session;
    /** What the session last said about its end, and the last checkpoint file (training thread, read after). */
    private volatile String endMessage = "";
    private volatile Path checkpoint;
    /** Whether a batch was trained: a run stopped within its first epoch has a model worth evaluating. */
    private volatile boolean batchTrained;
    /** Whether the window wants the layers' distributions (its Histograms tab was opened); asked every epoch. */
    private volatile java.util.function.BooleanSupplier statsWanted = () -> false;

    public TrainingRun(TrainingDataSource data, RunRequest request, TrainingListener listener) {
        this.data = data;
        this.request = request;
        this.listener = listener != null ? listener : e -> { };
    }

    /** Starts the run; the future completes with its outcome (never exceptionally: failures are sentences in it). */
    /** Gathers every layer's distributions after each epoch while {@code wanted} says so (before or during the run). */
    public void collectLayerStats(java.util.function.BooleanSupplier wanted) {
        statsWanted = wanted;
    }

    public CompletableFuture<RunOutcome> start(Executor work) {
        if (request.settings().validation().isKFold()) {
            return new FoldedRun(this).start(work).exceptionally(e -> {
                LOG.error("The K-fold run failed", e);
                return RunOutcome.notStarted(SAY.say("run.failed", String.valueOf(e.getMessage())));
            });
        }
        return CompletableFuture.supplyAsync(this::prepare, work).thenCompose(ready -> {
            if (ready.outcome != null) {
                return CompletableFuture.completedFuture(ready.outcome);
            }
            TrainingSession ts = ready.session;
            CompletableFuture<SessionState> trained = ts.continueTraining(request.settings().epochs());
            if (stopRequested) {
                ts.stop(); // pressed between the preparation's last look and the start
            }
            return trained.thenApplyAsync(end -> finish(ts, ready.data, end), work);
        }).exceptionally(e -> {
            LOG.error("The training run failed", e);
            return RunOutcome.notStarted(SAY.say("run.failed", String.valueOf(e.getMessage())));
        });
    }

    public void pause() {
        TrainingSession s = session;
        if (s != null) {
            s.pause();
        }
    }

    public void resume() {
        TrainingSession s = session;
        if (s != null) {
            s.resume();
        }
    }

    /** Resumes a paused run with changed settings (see {@link TrainingSession#resume(org.neuralcanvas.project.TrainingSettings)}). */
    public void resume(org.neuralcanvas.project.TrainingSettings changed) {
        TrainingSession s = session;
        if (s != null) {
            s.resume(changed);
        }
    }

    /** Stops the run: before it trains (nothing is recorded), or between two batches (the finished epochs are kept). */
    public void stop() {
        stopRequested = true;
        TrainingSession s = session;
        if (s != null) {
            s.stop();
        }
    }

    /** The session once the run trains (null before): for what it trains with now. */
    public TrainingSession session() {
        return session;
    }

    public RunRequest request() {
        return request;
    }

    private record Ready(TrainingSession session, TrainingData data, RunOutcome outcome) {
    }

    /** On the work executor: everything before the first batch, each step announced; a problem is the run's end. */
    private Ready prepare() {
        if (stopRequested) {
            return new Ready(null, null, RunOutcome.stoppedWhilePreparing());
        }
        try {
            step(Step.COMPILING, List.of());
            List<String> outOfRange = SettingRanges.problems(request.settings());
            if (!outOfRange.isEmpty()) {
                return new Ready(null, null, RunOutcome.notStarted(String.join(" ", outOfRange)));
            }
            CompiledModel compiled;
            if (request.from() == null) {
                Compilation c = Dl4jCompiler.compile(request.graph(), request.settings());
                if (!c.ok()) {
                    return new Ready(null, null, RunOutcome.notStarted(String.join(" ", c.problems())));
                }
                compiled = c.model();
            } else {
                compiled = request.from().compiled().withSettings(request.settings());
            }
            step(Step.READING_DATA, List.of());
            TrainingData td = data.open(request.dataset(), compiled, request.settings().batchSize());
            if (stopRequested) {
                return new Ready(null, null, RunOutcome.stoppedWhilePreparing());
            }
            TrainingSession ts;
            List<String> notes = new ArrayList<>();
            if (request.from() == null) {
                ts = new TrainingSession(compiled, td, this::onEvent, request.checkpointDir());
            } else {
                // With this run's settings, not those the model was trained with: its record says these.
                TrainedModel continued = ContinuedTraining.with(request.from(), request.settings(), notes);
                ts = new TrainingSession(continued, td, this::onEvent, request.checkpointDir());
            }
            // The session reads the data into memory and builds the network, then says STARTED.
            step(Step.READYING_MODEL, notes);
            ts.checkpointDataset(request.dataset());
            ts.collectLayerStats(() -> statsWanted.getAsBoolean());
            session = ts;
            if (stopRequested) {
                ts.close();
                return new Ready(null, null, RunOutcome.stoppedWhilePreparing());
            }
            return new Ready(ts, td, null);
        } catch (TrainingFailure | IllegalArgumentException e) {
            return new Ready(null, null, RunOutcome.notStarted(e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Could not start training", e);
            return new Ready(null, null, RunOutcome.notStarted(SAY.say("run.startFailed", String.valueOf(e.getMessage()))));
        }
    }

    private void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.StateChanged s && s.state().isEnded()) {
            endMessage = s.message();
        } else if (e instanceof TrainingEvent.CallbackActed c && c.file() != null) {
            checkpoint = c.file();
        } else if (e instanceof TrainingEvent.BatchEnded) {
            batchTrained = true;
        }
        listener.onEvent(e);
    }

    void step(Step step, List<String> notes) {
        try {
            listener.onEvent(new TrainingEvent.RunStep(step, notes));
        } catch (RuntimeException e) {
            LOG.warn("A training listener failed; the run goes on", e);
        }
    }

    /** On the work executor, after the session ended: the test split's scores, then the record. */
    private RunOutcome finish(TrainingSession ts, TrainingData td, SessionState end) {
        try {
            if (stopRequested && !batchTrained) {
                // Stopped while the session read the data and built the network: the same as during the preparation.
                return RunOutcome.stoppedWhilePreparing();
            }
            TrainedModel model = ts.model();
            int first = request.firstEpoch();
            List<EpochResult> epochs = model == null ? List.of()
                    : model.history().stream().filter(r -> r.epoch() >= first).toList();
            EvaluationReport report = null;
            if (model != null && batchTrained && end != SessionState.FAILED && td.test() != null) {
                step(Step.EVALUATING, List.of());
                try {
                    report = Evaluator.evaluate(model, td.test());
                } catch (RuntimeException e) {
                    LOG.warn("Evaluation failed", e);
                }
            }
            RunRecord record = new RunRecord(request.runId(), request.startedAt(), request.settings(),
                    data.datasetId(request.dataset()), RunRecord.outcome(end.name(), stopRequested, endMessage),
                    EpochResult.historyMaps(epochs), report == null ? null : StoredResults.of(report),
                    checkpoint == null ? null : checkpoint.toString(), ts.segments(), request.parentRunId())
                    .withSecondsPerEpoch(epochs.stream().mapToDouble(EpochResult::seconds).average().orElse(0));
            return new RunOutcome(record, model, report, end, endMessage, false);
        } finally {
            ts.close();
        }
    }
}
