package org.neuralcanvas.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.project.FoldSummary;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingEvent.RunStep.Step;
import org.neuralcanvas.engine.train.TrainingFailure;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.SettingRanges;
import org.neuralcanvas.project.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TrainingRun} that cross-validates in K folds, as the Boston-housing chapter does: K models from the same
 * drawing, one after another on the session thread, each trained on K−1 parts of the training data and validated on
 * the part left out. The listener hears the folds' epochs between {@link TrainingEvent.FoldStarted} and
 * {@link TrainingEvent.FoldEnded}, one STARTED before the first and one end after the last (or at Stop); the record
 * keeps every fold's curves and their mean as its history. No model is kept and the test split is not touched: the
 * final model is trained afterwards, for the epochs the mean curve suggests ({@link FoldSummary#bestEpoch}).
 */
final class FoldedRun {

    private static final Logger LOG = LoggerFactory.getLogger(FoldedRun.class);
    private static final Sentences SAY = EngineSentences.SAY;

    private final TrainingRun run;
    private final RunRequest request;
    /** The finished folds' histories (the last may be cut short by Stop). */
    private final List<List<Map<String, Double>>> done = new ArrayList<>();
    /** Every fold's epochs' training times, for the record's seconds per epoch. */
    private final List<Double> epochSeconds = new ArrayList<>();
    private CompiledModel compiled;
    private List<TrainingData> folds;
    private volatile String endMessage = "";
    private volatile boolean batchTrained;

    FoldedRun(TrainingRun run) {
        this.run = run;
        this.request = run.request();
    }

    CompletableFuture<RunOutcome> start(Executor work) {
        return CompletableFuture.supplyAsync(this::prepare, work)
                .thenCompose(refused -> refused != null ? CompletableFuture.completedFuture(refused) : fold(0, work));
    }

    /** Compiles once and deals the folds; a sentence as the outcome where it cannot, else null. */
    private RunOutcome prepare() {
        if (run.stopRequested) {
            return RunOutcome.stoppedWhilePreparing();
        }
        TrainingSettings settings = request.settings();
        if (request.from() != null) {
            return RunOutcome.notStarted(SAY.say("run.kfold.continue"));
        }
        try {
            run.step(Step.COMPILING, List.of());
            List<String> outOfRange = SettingRanges.problems(settings);
            if (!outOfRange.isEmpty()) {
                return RunOutcome.notStarted(String.join(" ", outOfRange));
            }
            Compilation c = Dl4jCompiler.compile(request.graph(), settings);
            if (!c.ok()) {
                return RunOutcome.notStarted(String.join(" ", c.problems()));
            }
            compiled = c.model();
            run.step(Step.READING_DATA, List.of());
            folds = run.data.openFolds(request.dataset(), compiled, settings.batchSize(), settings.validation().folds());
            run.step(Step.READYING_MODEL, List.of());
            return run.stopRequested ? RunOutcome.stoppedWhilePreparing() : null;
        } catch (TrainingFailure | IllegalArgumentException e) {
            return RunOutcome.notStarted(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Could not start the K-fold run", e);
            return RunOutcome.notStarted(SAY.say("run.startFailed", String.valueOf(e.getMessage())));
        }
    }

    /** Trains fold {@code i} (0-based), then the next, until the last, a failure or Stop. */
    private CompletableFuture<RunOutcome> fold(int i, Executor work) {
        int k = folds.size();
        emit(new TrainingEvent.FoldStarted(i + 1, k));
        TrainingSession ts = new TrainingSession(compiled, folds.get(i), e -> onEvent(i, k, e), null);
        run.session = ts;
        CompletableFuture<SessionState> trained = ts.continueTraining(request.settings().epochs());
        if (run.stopRequested) {
            ts.stop();
        }
        return trained.thenComposeAsync(end -> {
            TrainedModel model = ts.model();
            List<Map<String, Double>> history = model == null ? List.of() : EpochResult.historyMaps(model.history());
            ts.close();
            if (model != null) {
                model.history().forEach(r -> epochSeconds.add(r.seconds()));
            }
            if (!history.isEmpty()) {
                done.add(history);
                emit(new TrainingEvent.FoldEnded(i + 1, k, history));
            }
            boolean last = i == k - 1 || run.stopRequested || end == SessionState.FAILED;
            return last ? CompletableFuture.completedFuture(finish(end)) : fold(i + 1, work);
        }, work);
    }

    /** A fold's events: its STARTED only for the first fold, its end only for the last (or a stop or failure). */
    private void onEvent(int i, int k, TrainingEvent e) {
        if (e instanceof TrainingEvent.StateChanged s) {
            if (s.state().isEnded()) {
                endMessage = s.message();
                if (i < k - 1 && !run.stopRequested && s.state() != SessionState.FAILED) {
                    return;
                }
            } else if (s.transition() == TrainingEvent.Transition.STARTED && i > 0) {
                return;
            }
        } else if (e instanceof TrainingEvent.BatchEnded) {
            batchTrained = true;
        }
        run.listener.onEvent(e);
    }

    private void emit(TrainingEvent e) {
        try {
            run.listener.onEvent(e);
        } catch (RuntimeException ex) {
            LOG.warn("A training listener failed; the run goes on", ex);
        }
    }

    private RunOutcome finish(SessionState end) {
        if (run.stopRequested && !batchTrained) {
            return RunOutcome.stoppedWhilePreparing();
        }
        FoldSummary summary = FoldSummary.of(done, request.settings());
        RunRecord record = new RunRecord(request.runId(), request.startedAt(), request.settings(),
                run.data.datasetId(request.dataset()), RunRecord.outcome(end.name(), run.stopRequested, endMessage),
                summary.meanHistory(), null, null, null, null, done,
                epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        return new RunOutcome(record, null, null, end, endMessage, false);
    }
}
