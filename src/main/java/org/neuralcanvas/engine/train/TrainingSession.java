package org.neuralcanvas.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.RunSegment;
import org.neuralcanvas.project.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one model in the background, Keras's {@code fit}: on a single thread the session owns,
 * on an immutable snapshot (the compiled graph and settings; the data read into memory at the
 * start). Emits {@link TrainingEvent}s to one listener on that thread (see {@link TrainingListener}:
 * it must be cheap). Pause, resume and stop take effect between two batches. A stopped or finished
 * session keeps its model and history and can {@link #continueTraining continue}. Errors never
 * escape: they end the run in {@link SessionState#FAILED} with a sentence for the user.
 */
public final class TrainingSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);
    private static final Sentences SAY = EngineSentences.SAY;

    private final CompiledModel compiled;
    /** The settings in force: the compiled ones, then those a paused run resumed with (training thread, once started). */
    private volatile TrainingSettings settings;
    /** Settings to take over when the paused run resumes; null for none. */
    private volatile TrainingSettings resumeWith;
    /** This run's stretches of settings (training thread; read once it has ended). */
    private final List<RunSegment> segments = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TrainingData data;
    private final TrainingListener listener;
    private final Path checkpointDir;
    private final ExecutorService executor;
    private final Object pauseLock = new Object();

    private volatile SessionState state = SessionState.IDLE;
    private volatile boolean stopRequested;
    private volatile boolean pauseRequested;
    private volatile TrainedModel model;

    // Training-thread state.
    private boolean prepared;
    private InMemoryData train;
    private InMemoryData validation;
    private MetricSums trainSums;
    private TrainingMetricsHook hook;
    private Double learningRateOverride;

    /**
     * @param compiled      the compiled model (its settings are the run's settings)
     * @param data          the data; read once, on the training thread
     * @param listener      receives events on the training thread; must be cheap
     * @param checkpointDir where ModelCheckpoint writes {@code best.zip}/{@code last.zip}; null for none
     */
    public TrainingSession(CompiledModel compiled, TrainingData data, TrainingListener listener, Path checkpointDir) {
        this(compiled, null, data, listener, checkpointDir);
    }

    /** Continues training a loaded (or earlier) model on new data, keeping its weights, optimizer state and history. */
    public TrainingSession(TrainedModel model, TrainingData data, TrainingListener listener, Path checkpointDir) {
        this(model.compiled(), model, data, listener, checkpointDir);
    }

    private TrainingSession(CompiledModel compiled, TrainedModel model, TrainingData data, TrainingListener listener,
                            Path checkpointDir) {
        this.compiled = compiled;
        this.settings = compiled.settings();
        this.data = data;
        this.listener = listener != null ? listener : e -> { };
        this.checkpointDir = checkpointDir;
        this.model = model;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "training");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts training for the settings' epochs; completes with the final state when the run ends. */
    public CompletableFuture<SessionState> start() {
        return continueTraining(settings.epochs());
    }

    /** Trains {@code epochs} more epochs (numbering continues), from wherever the model is. */
    public synchronized CompletableFuture<SessionState> continueTraining(int epochs) {
        if (state == SessionState.RUNNING || state == SessionState.PAUSED) {
            throw new IllegalStateException("This session is already training.");
        }
        stopRequested = false;
        pauseRequested = false;
        state = SessionState.RUNNING;
        return CompletableFuture.supplyAsync(() -> run(epochs), executor);
    }

    /** Pauses before the next batch. */
    public void pause() {
        pauseRequested = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            resumeWith = null;
            pauseRequested = false;
            pauseLock.notifyAll();
        }
    }

    /**
     * Resumes a paused run with changed settings, from the exact state it paused in: the same weights and optimizer
     * state, the learning rate set on the optimizer, and from the next batch on the new batch size, the new number of
     * epochs (for the whole run) and the new callbacks. Anything else (optimizer, loss, metrics, split, seed) stays as
     * the run started: {@link PausedChanges} says which and keeps them out.
     *
     * @throws IllegalStateException when the session is not paused
     */
    public void resume(TrainingSettings changed) {
        if (state != SessionState.PAUSED) {
            throw new IllegalStateException("Only a paused run resumes with other settings.");
        }
        synchronized (pauseLock) {
            resumeWith = PausedChanges.applicable(settings, changed);
            pauseRequested = false;
            pauseLock.notifyAll();
        }
    }

    /** The stretches of settings of the last {@link #continueTraining} run; read it once that run has ended. */
    public List<RunSegment> segments() {
        return List.copyOf(segments);
    }

    /** The settings training uses now (those it resumed with, after a change while paused). */
    public TrainingSettings settings() {
        return settings;
    }

    /** Stops before the next batch; the model and the history of finished epochs are kept. */
    public void stop() {
        synchronized (pauseLock) {
            stopRequested = true;
            pauseLock.notifyAll();
        }
    }

    public SessionState state() {
        return state;
    }

    /** The model, once the first run has built it (null before). Read it only while not training. */
    public TrainedModel model() {
        return model;
    }

    /**
     * Ends the session's thread; a running run is stopped first. Then, on that thread and after the run, the
     * session's native memory is freed at once: its copy of the data and the thread's workspaces. Left to the
     * garbage collector, which seldom runs (ND4J's arrays hardly use the Java heap), 20 Train/Stop cycles of the
     * MNIST MLP grew the process by 3.7 GB (scripts/bench.sh train-cycles). The trained model is kept.
     */
    @Override
    public void close() {
        stop();
        try {
            executor.execute(this::releaseNativeMemory);
        } catch (RejectedExecutionException alreadyClosed) {
            // closed before: released then
        }
        executor.shutdown();
    }

    /**
     * Waits until a closed session's thread has ended, its native memory released; never call it on the JavaFX
     * thread (a running batch finishes first). For benchmarks and tests.
     *
     * @return false when the time ran out first
     */
    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return executor.awaitTermination(timeout, unit);
    }

    private void releaseNativeMemory() {
        for (InMemoryData d : new InMemoryData[] {train, validation}) {
            if (d != null) {
                d.close();
            }
        }
        train = null;
        validation = null;
        prepared = false;
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
    }

    private SessionState run(int epochs) {
        try {
            prepare();
            if (hook != null) {
                model.network().addListeners(hook);
            }
            // Started once the first batch is next: reading the data into memory and building the network are still
            // the run's preparation (IMDB's 25,000 reviews take seconds), which the window shows as such.
            emit(new TrainingEvent.StateChanged(TrainingEvent.Transition.STARTED, ""));
            String stoppedBy = train(epochs);
            return end(stoppedBy == null ? SessionState.FINISHED : SessionState.STOPPED, stoppedBy == null ? "" : stoppedBy);
        } catch (TrainingFailure f) {
            return end(SessionState.FAILED, f.getMessage());
        } catch (OutOfMemoryError e) {
            LOG.warn("Training ran out of memory", e);
            return end(SessionState.FAILED, outOfMemory());
        } catch (RuntimeException e) {
            LOG.error("Training failed", e);
            String text = String.valueOf(e.getMessage());
            if (text.contains("allocate") || text.contains("memory")) {
                return end(SessionState.FAILED, outOfMemory());
            }
            return end(SessionState.FAILED, SAY.say("session.failed", text));
        } finally {
            // A later session on the same model adds its own.
            if (hook != null && model != null) {
                model.network().getListeners().remove(hook);
            }
        }
    }

    private String outOfMemory() {
        // Numbers go in as text: MessageFormat would write a batch size of 1024 as "1,024".
        return SAY.say("session.outOfMemory", String.valueOf(settings.batchSize()));
    }

    private SessionState end(SessionState s, String message) {
        state = s;
        emit(new TrainingEvent.StateChanged(TrainingEvent.Transition.valueOf(s.name()), message));
        return s;
    }

    /** Reads the data and builds the network, once per session. */
    private void prepare() {
        if (prepared) {
            return;
        }
        if (compiled.inputNames().size() != 1 || compiled.outputNames().size() != 1) {
            throw new TrainingFailure(SAY.say("session.inputsOutputs", compiled.inputNames().size(),
                    compiled.outputNames().size()));
        }
        InMemoryData all = InMemoryData.read(data.train());
        if (data.validation() != null) {
            train = all;
            validation = InMemoryData.read(data.validation());
        } else if (settings.validationSplit() > 0) {
            InMemoryData[] parts = all.splitFromEnd(settings.validationSplit());
            train = parts[0];
            validation = parts[1];
            all.close(); // the parts are copies
        } else {
            train = all;
        }
        checkShapes(train);
        if (model == null) {
            MemoryEstimate memory = MemoryEstimate.of(compiled, settings.batchSize());
            if (!memory.fits()) {
                throw new TrainingFailure(memory.refusal(settings.batchSize()));
            }
            ComputationGraph net = new ComputationGraph(compiled.configuration());
            net.init();
            model = new TrainedModel(net, compiled, data.descriptor(), List.of());
        }
        trainSums = new MetricSums(settings.metrics());
        if (trainSums.any()) {
            hook = new TrainingMetricsHook(model.network(), compiled.outputNames().get(0), trainSums);
        }
        prepared = true;
    }

    private void checkShapes(InMemoryData d) {
        TensorShape expected = compiled.inputShapes().get(0);
        long[] got = d.features().shape();
        long[] want = new long[expected.rank() + 1];
        want[0] = got[0];
        for (int i = 0; i < expected.rank(); i++) {
            want[i + 1] = expected.dim(i);
        }
        if (!Arrays.equals(got, want)) {
            throw new TrainingFailure(SAY.say("session.inputShape", shapeText(got), expected.toString()));
        }
    }

    private static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("(None");
        for (int i = 1; i < shape.length; i++) {
            sb.append(", ").append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Whether the layers' distributions are wanted (the window's Histograms tab has been opened); read per epoch. */
    private volatile java.util.function.BooleanSupplier statsWanted = () -> false;
    private org.neuralcanvas.engine.stats.LayerStatsCollector stats;

    /**
     * Asks for every layer's distributions after each epoch while {@code wanted} says so ({@link
     * TrainingEvent.LayerStatsReady}); read at each epoch's start, so it may change during the run.
     */
    public void collectLayerStats(java.util.function.BooleanSupplier wanted) {
        statsWanted = wanted;
    }

    /** The collector, made at the first epoch that wants it (training thread); null if it cannot be made. */
    private org.neuralcanvas.engine.stats.LayerStatsCollector statsCollector() {
        if (stats == null && train != null && train.size() > 0) {
            DataSet fixed = train.samples(0, Math.min(org.neuralcanvas.engine.stats.LayerStatsCollector.BATCH, train.size()));
            INDArray features = model.compiled().inputNames().size() == 1 ? fixed.getFeatures().dup() : null;
            stats = new org.neuralcanvas.engine.stats.LayerStatsCollector(model.compiled(), model.network(), features);
        }
        return stats;
    }

    /** The callbacks' state; replaced when a paused run resumes with other callbacks (training thread). */
    private EpochCallbacks callbacks;
    /** How many epochs this run trains; a paused run may resume with another number (training thread). */
    private int runEpochs;

    /** Runs the epochs; returns null when all ran, else the reason it stopped early. */
    private String train(int epochs) {
        ComputationGraph net = model.network();
        callbacks = new EpochCallbacks(settings.callbacks());
        runEpochs = epochs;
        segments.clear();
        segments.add(new RunSegment(model.epochsTrained() + 1, 1, settings));
        INDArray bestParams = null;
        for (int e = 0; e < runEpochs; e++) {
            int epoch = model.epochsTrained() + 1;
            long start = System.nanoTime();
            pausedNanos = 0;
            boolean gather = false;
            if (statsWanted.getAsBoolean()) {
                try {
                    statsCollector().epochStarted(); // before the shuffle: the fixed batch stays the same samples
                    gather = true;
                } catch (RuntimeException ex) {
                    LOG.warn("Layer statistics could not be gathered; training goes on without them", ex);
                    statsWanted = () -> false;
                }
            }
            if (settings.shuffle()) {
                train.shuffle(settings.seed() + epoch);
            }
            trainSums.reset();
            double lossSum = 0;
            long seen = 0;
            // By sample, not batch index: a paused run may resume with another batch size in the middle of an epoch.
            int done = 0;
            for (int from = 0; from < train.size(); ) {
                if (!awaitGo()) {
                    return SAY.say("session.stopped", String.valueOf(epoch), epoch - 1);
                }
                takeOverResumeSettings(epoch, done + 1);
                int batchSize = settings.batchSize();
                int batches = done + (train.size() - from + batchSize - 1) / batchSize;
                DataSet batch = train.samples(from, batchSize);
                if (hook != null) {
                    hook.nextLabels(batch.getLabels());
                }
                net.fit(batch);
                double loss = net.score();
                if (!Double.isFinite(loss)) {
                    throw new TrainingFailure(SAY.say(Double.isNaN(loss) ? "session.nan" : "session.infinite",
                            String.valueOf(epoch), String.valueOf(done + 1), String.valueOf(learningRate(net))));
                }
                int n = batch.numExamples();
                lossSum += loss * n;
                seen += n;
                from += n;
                done++;
                emit(new TrainingEvent.BatchEnded(epoch, done, batches, loss));
            }
            net.incrementEpochCount();
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("loss", lossSum / seen);
            trainSums.putMeans("", metrics);
            if (validation != null) {
                Validation.measure(model, validation, settings.batchSize(), settings.metrics()).forEach((k, v) -> metrics.put("val_" + k, v));
            }
            double lr = learningRate(net);
            EpochResult result = new EpochResult(epoch, metrics, lr, (System.nanoTime() - start - pausedNanos) / 1e9,
                    seen);
            model.addEpoch(result);
            emit(new TrainingEvent.EpochEnded(result));
            if (gather) {
                try {
                    emit(new TrainingEvent.LayerStatsReady(epoch, stats.epochEnded()));
                } catch (RuntimeException ex) {
                    LOG.warn("Layer statistics could not be gathered; training goes on without them", ex);
                    statsWanted = () -> false;
                }
            }

            EpochCallbacks.Decision d = callbacks.afterEpoch(result, lr);
            if (d.improvedForEarlyStopping() && settings.callbacks().earlyStopping().restoreBestWeights()) {
                bestParams = net.params().dup();
            }
            if (d.newLearningRate() != lr) {
                learningRateOverride = d.newLearningRate();
                net.setLearningRate(d.newLearningRate());
                emit(new TrainingEvent.CallbackActed(epoch, KerasLine.reducedLearningRate(epoch, d.newLearningRate())));
            }
            if (d.saveCheckpoint() && checkpointDir != null) {
                boolean bestOnly = settings.callbacks().checkpoint().saveBestOnly();
                Path saved = saveCheckpoint(bestOnly ? "best.zip" : "last.zip");
                if (saved != null) {
                    emit(new TrainingEvent.CallbackActed(epoch, KerasLine.checkpoint(epoch,
                            settings.callbacks().checkpoint().monitor(), bestOnly, saved.toAbsolutePath().toString()),
                            saved.toAbsolutePath()));
                }
            }
            if (d.stop()) {
                if (bestParams != null) {
                    net.setParams(bestParams);
                }
                return d.stopReason();
            }
        }
        return null;
    }

    /**
     * After a resume with changed settings, before the next batch: the new learning rate goes onto the optimizer (its
     * state kept), the callbacks and the epoch count are the new ones, and a segment starts here.
     */
    private void takeOverResumeSettings(int epoch, int batch) {
        TrainingSettings next = resumeWith;
        if (next == null) {
            return;
        }
        resumeWith = null;
        if (next.equals(settings)) {
            return;
        }
        List<String> changes = new java.util.ArrayList<>();
        if (next.optimizer().learningRate() != settings.optimizer().learningRate()) {
            LearningRates.set(model.network(), next.optimizer());
            learningRateOverride = null; // the user's new rate replaces what ReduceLROnPlateau had set
            changes.add("learning_rate=" + KerasLine.rate(next.optimizer().learningRate()));
        }
        if (next.epochs() != settings.epochs()) {
            changes.add("epochs=" + next.epochs());
        }
        if (next.batchSize() != settings.batchSize()) {
            changes.add("batch_size=" + next.batchSize());
        }
        if (!next.callbacks().equals(settings.callbacks())) {
            callbacks = new EpochCallbacks(next.callbacks());
            changes.add("callbacks");
        }
        runEpochs = next.epochs();
        settings = next;
        model.resumedWith(next);
        segments.add(new RunSegment(epoch, batch, next));
        emit(new TrainingEvent.SettingsChanged(epoch, batch, next, KerasLine.resumedWith(epoch, batch, changes)));
    }

    /**
     * The dataset a checkpoint names, so that it opens (File ▸ Open Trained Model, the Runs list) ready to evaluate
     * and continue as the run's model does; without one it opens without a dataset. Set before {@link #start()}.
     */
    public void checkpointDataset(org.neuralcanvas.project.DatasetChoice dataset) {
        this.checkpointDataset = dataset;
    }

    private volatile org.neuralcanvas.project.DatasetChoice checkpointDataset;

    private Path saveCheckpoint(String fileName) {
        try {
            Path file = checkpointDir.resolve(fileName);
            if (checkpointDataset == null) {
                ModelStore.save(model, file);
            } else {
                ModelStore.save(model, checkpointDataset, file);
            }
            return file;
        } catch (IOException | RuntimeException ex) {
            LOG.warn("Checkpoint not written", ex);
            return null;
        }
    }

    /** Time spent paused in the current epoch (on the training thread only). */
    private long pausedNanos;

    /** Waits while paused; false when a stop was requested. */
    private boolean awaitGo() {
        if (stopRequested) {
            return false;
        }
        if (!pauseRequested) {
            return true;
        }
        state = SessionState.PAUSED;
        emit(new TrainingEvent.StateChanged(TrainingEvent.Transition.PAUSED, ""));
        long pausedAt = System.nanoTime();
        synchronized (pauseLock) {
            while (pauseRequested && !stopRequested) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
        }
        // An epoch's time is its training time: the pause is not in it (nor in ms/step).
        pausedNanos += System.nanoTime() - pausedAt;
        if (stopRequested) {
            return false;
        }
        state = SessionState.RUNNING;
        emit(new TrainingEvent.StateChanged(TrainingEvent.Transition.RESUMED, ""));
        return true;
    }

    /** The learning rate now: a ReduceLROnPlateau value, or the optimizer's with Keras's decay applied. */
    private double learningRate(ComputationGraph net) {
        if (learningRateOverride != null) {
            return learningRateOverride;
        }
        OptimizerSettings o = settings.optimizer();
        double base = "adadelta".equals(o.name()) ? 1.0 : o.learningRate();
        return o.decay() > 0 ? base / (1 + o.decay() * net.getIterationCount()) : base;
    }

    private void emit(TrainingEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A training listener failed; training goes on", e);
        }
    }
}
