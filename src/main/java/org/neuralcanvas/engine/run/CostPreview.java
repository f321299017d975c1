package org.neuralcanvas.engine.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.MemoryEstimate;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.TrainingSettings;

/**
 * What a run will cost before Train: seconds per epoch from a few timed training steps of this model on this
 * dataset's first batches on this machine's backend (after two untimed ones, which pay for JIT and allocation), and
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

    /** Times training steps and a forward pass on the dataset's first batches, on a throwaway network. */
    private static double[] time(TrainingDataSource data, DatasetChoice choice, CompiledModel model, int batch) {
        TrainingData td = data.open(choice, model, batch);
        DataSetIterator it = td.train();
        it.reset();
        ComputationGraph net = new ComputationGraph(model.configuration());
        net.init();
        DataSet first = null;
        long nanos = 0;
        int timed = 0;
        for (int i = 0; i < WARM_UP + TIMED; i++) {
            if (!it.hasNext()) {
                it.reset();
            }
            DataSet b = it.next();
            first = first == null ? b : first;
            long t0 = System.nanoTime();
            net.fit(b);
            if (i >= WARM_UP) {
                nanos += System.nanoTime() - t0;
                timed++;
            }
        }
        long t0 = System.nanoTime();
        net.output(first.getFeatures());
        double forward = (System.nanoTime() - t0) / 1e9;
        return new double[] {nanos / 1e9 / Math.max(1, timed), forward};
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
