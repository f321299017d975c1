package org.neuralcanvas.engine.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.MemoryEstimate;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.TrainingSettings;

/**
 * What a run will cost before Train: seconds per epoch from a few timed training steps of this model on this
 * dataset on this machine's backend, taken by a real session (after two untimed ones, which pay for JIT and
 * allocation), and
 * peak memory from the engine's {@link MemoryEstimate}. Step times are kept per network and batch size, so asking
 * again after changing only the epochs costs nothing. Blocking: the window asks on its work thread.
 */
public final class CostPreview {

    static final int WARM_UP = 2;
    static final int TIMED = 4;
    /** A run longer than this is worth a warning before it starts. */
    public static final double LONG_RUN_SECONDS = 30 * 60;

    /** Seconds per training step and per forward pass over a batch, by network configuration and batch size. */
    private final Map<String, double[]> stepTimes = new ConcurrentHashMap<>();

    /**
     * @param trainExamples the training split's size (before validation_split takes its part)
     * @throws IllegalArgumentException with the sentence of why it cannot be estimated (the model does not compile)
     */
    public CostEstimate estimate(TrainingDataSource data, DatasetChoice choice, ModelGraph graph, TrainingSettings s,
                                 long trainExamples) {
        Compilation c = Dl4jCompiler.compile(graph, s);
        if (c.model() == null) {
            throw new IllegalArgumentException(c.problems().isEmpty() ? "The model does not compile."
                    : String.join(" ", c.problems()));
        }
        CompiledModel model = c.model();
        int batch = s.batchSize();
        String key = model.configuration().toJson().hashCode() + "@" + batch;
        double[] times = stepTimes.computeIfAbsent(key, k -> time(data, choice, model, batch));
        double split = s.validation().kind() == org.neuralcanvas.project.ValidationPlan.Kind.SPLIT ? s.validationSplit() : 0;
        long trained = Math.round(trainExamples * (1 - split));
        long validated = s.validation().kind() == org.neuralcanvas.project.ValidationPlan.Kind.SPLIT
                ? trainExamples - trained : 0;
        long steps = (trained + batch - 1) / batch;
        long valBatches = (validated + batch - 1) / batch;
        double perEpoch = steps * times[0] + valBatches * times[1];
        int runs = s.validation().isKFold() ? s.validation().folds() : 1;
        MemoryEstimate memory = MemoryEstimate.of(model, batch);
        return new CostEstimate(perEpoch, perEpoch * s.epochs() * runs, steps, times[0], memory.bytes(),
                memory.available(), memory.fits());
    }

    /**
     * Times training steps as a run takes them: a real session (the same data path, metrics and events as Train) on a
     * throwaway network, stopped after {@link #WARM_UP} + {@link #TIMED} batches; the time between the first untimed
     * and the last batch's end, per step. A forward pass (validation) is taken as a third of a training step.
     */
    private static double[] time(TrainingDataSource data, DatasetChoice choice, CompiledModel model, int batch) {
        TrainingData td = data.open(choice, model, batch);
        long[] marks = new long[2];
        int[] seen = {0};
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(model, td, e -> {
            if (e instanceof TrainingEvent.BatchEnded b) {
                seen[0]++;
                if (seen[0] == WARM_UP) {
                    marks[0] = System.nanoTime();
                } else if (seen[0] == WARM_UP + TIMED) {
                    marks[1] = System.nanoTime();
                    session[0].stop();
                }
            }
        }, null);
        try {
            session[0].start().get(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The estimate was interrupted.", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The timed steps did not finish: " + e.getMessage(), e);
        } finally {
            session[0].close();
        }
        if (marks[0] == 0 || marks[1] == 0) {
            throw new IllegalStateException("The dataset has fewer than " + (WARM_UP + TIMED) + " batches to time.");
        }
        double step = (marks[1] - marks[0]) / 1e9 / TIMED;
        return new double[] {step, step / 3};
    }

    /**
     * @param secondsPerEpoch training steps plus validation, at the timed rate
     * @param secondsInAll    every epoch (of every fold)
     * @param steps           training steps per epoch
     * @param memoryBytes     the engine's estimate of the network's peak memory at this batch size
     * @param availableBytes  what the machine can give now
     */
    public record CostEstimate(double secondsPerEpoch, double secondsInAll, long steps, double secondsPerStep,
                               long memoryBytes, long availableBytes, boolean fitsInMemory) {

        public boolean isLong() {
            return secondsInAll > LONG_RUN_SECONDS;
        }
    }
}
