package org.neuralcanvas.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.SessionState;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingSession;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * How much the engine costs over plain DL4J: trains Keras's MNIST MLP (784-512 relu-10 softmax,
 * rmsprop, batch 128, shuffled each epoch) through a {@link TrainingSession} and through
 * hand-written DL4J code with the same settings, alternating, and prints samples/s, their ratio
 * (goal: engine ≤ 3% slower) and the FLOP rate (about 2.44 MFLOP per sample per training step:
 * 3 × (784·512 + 512·10) multiply-adds × 2).
 *
 * <p>Run: {@code mvn -q -o compile exec:java -Dexec.mainClass=org.neuralcanvas.engine.bench.EngineOverheadBench
 * -Dexec.args="--epochs 2 --repeats 2"}; add {@code -Dorg.bytedeco.javacpp.platform.extension=-avx512} (or
 * {@code -avx2}) to time the fast CPU builds until the backend selection does it.
 */
public final class EngineOverheadBench {

    private static int SAMPLES = 60_000;
    private static final int FEATURES = 784;
    private static final int CLASSES = 10;
    private static final int BATCH = 128;
    private static final long SEED = 42;
    private static final double FLOP_PER_SAMPLE = 6.0 * (FEATURES * 512 + 512 * CLASSES);

    private EngineOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        new org.neuralcanvas.engine.backend.Backends().ensureSelected();
        int epochs = intArg(args, "--epochs", 2);
        int repeats = intArg(args, "--repeats", 2);
        SAMPLES = intArg(args, "--samples", SAMPLES);
        boolean plainOnOwnThread = java.util.Arrays.asList(args).contains("--plain-on-own-thread");
        boolean engineFirst = java.util.Arrays.asList(args).contains("--engine-first");
        boolean withoutMetrics = java.util.Arrays.asList(args).contains("--engine-without-metrics");
        boolean withIterator = java.util.Arrays.asList(args).contains("--with-iterator");
        DataSet data = mnistOrRandom();
        System.out.println("ND4J backend: " + Nd4j.getBackend().getClass().getSimpleName() + ", "
                + Nd4j.getEnvironment().maxMasterThreads() + " threads, build "
                + System.getProperty("org.bytedeco.javacpp.platform.extension", "(generic)"));
        double matmulGflops = new MatmulRate().measureMatmulGflops();
        System.out.printf(Locale.ROOT, "float32 matrix multiply (2048x2048, ND4J, best of 10): %.1f GFLOP/s%n", matmulGflops);

        // Interleaved, so that both see the same machine: on a shared machine other processes come and go.
        List<Timing> iterator = new ArrayList<>();
        List<Timing> loop = new ArrayList<>();
        List<Timing> engine = new ArrayList<>();
        List<Timing> bare = new ArrayList<>();
        List<Double> wallRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            // Which goes first alternates from round to round: this shared machine drifts within a round.
            boolean engineNow = engineFirst ^ (r % 2 == 1);
            if (engineNow) {
                BenchRuns.settle();
                engine.add(timeEngine(data, epochs));
            }
            BenchRuns.settle();
            loop.add(onThread(plainOnOwnThread, () -> timePlain(data, epochs, true)));
            if (!engineNow) {
                BenchRuns.settle();
                engine.add(timeEngine(data, epochs));
            }
            wallRatios.add(loop.get(r).perSecond() / engine.get(r).perSecond());
            cpuRatios.add(loop.get(r).perCpuSecond() / engine.get(r).perCpuSecond());
            if (withIterator) {
                iterator.add(onThread(plainOnOwnThread, () -> timePlain(data, epochs, false)));
            }
            if (withoutMetrics) {
                bare.add(timeEngine(data, epochs, List.of()));
            }
            System.out.printf(Locale.ROOT, "run %d: plain DL4J fit(batch) loop %s | engine %s%s%n", r + 1, loop.get(r),
                    engine.get(r), (withIterator ? " | plain DL4J fit(iterator) " + iterator.get(r) : "")
                            + (withoutMetrics ? " | engine without metrics " + bare.get(r) : ""));
        }
        System.out.printf(Locale.ROOT, "%nbest of %d, %d epochs of %d samples, batch %d (wall clock; CPU-seconds of the whole process "
                + "are steadier on a shared machine):%n", repeats, epochs, SAMPLES, BATCH);
        Timing bestLoop = Timing.best(loop);
        System.out.printf(Locale.ROOT, "  best per CPU-second: plain loop %.0f, engine %.0f%s%s samples/CPU-s%n",
                Timing.bestCpu(loop), Timing.bestCpu(engine),
                withIterator ? String.format(Locale.ROOT, ", plain fit(iterator) %.0f", Timing.bestCpu(iterator)) : "",
                withoutMetrics ? String.format(Locale.ROOT, ", engine without metrics %.0f", Timing.bestCpu(bare)) : "");
        Timing bestEngine = Timing.best(engine);
        System.out.println("  plain DL4J fit(batch) loop: " + bestLoop.describe());
        if (withIterator) {
            System.out.println("  plain DL4J fit(iterator)  : " + Timing.best(iterator).describe());
        }
        System.out.println("  engine                    : " + bestEngine.describe());
        if (withoutMetrics) {
            System.out.println("  engine without metrics    : " + Timing.best(bare).describe());
        }
        System.out.printf(Locale.ROOT, "  engine / plain loop = %.3f wall (overhead %.1f%%), %.3f per CPU-second (overhead %.1f%%); "
                        + "goal: overhead <= 3%%%n", bestEngine.perSecond() / bestLoop.perSecond(),
                100 * (bestLoop.perSecond() / bestEngine.perSecond() - 1),
                Timing.bestCpu(engine) / Timing.bestCpu(loop), 100 * (Timing.bestCpu(loop) / Timing.bestCpu(engine) - 1));
        System.out.printf(Locale.ROOT, "  median of the rounds' overhead (each run after a full collection, order alternating): "
                        + "%.1f%% wall, %.1f%% per CPU-second; goal <= 3%%%n",
                100 * (BenchRuns.median(wallRatios) - 1), 100 * (BenchRuns.median(cpuRatios) - 1));
        double engineGflops = bestEngine.perSecond() * FLOP_PER_SAMPLE / 1e9;
        System.out.printf(Locale.ROOT, "  engine FLOP rate: %.1f GFLOP/s = %.0f%% of the matrix-multiply rate (aim: >= 25%%)%n",
                engineGflops, 100 * engineGflops / matmulGflops);
    }

    /** Real MNIST (flat, scaled, one-hot) from the dataset cache; random data of its shape when the cache is empty. */
    private static DataSet mnistOrRandom() {
        try {
            DataSet train = BenchRuns.mnistTrainingSet();
            SAMPLES = train.numExamples();
            System.out.println("Data: MNIST training set from the dataset cache (" + SAMPLES + " x " + FEATURES + ").");
            return train;
        } catch (org.neuralcanvas.dataset.DatasetException | RuntimeException e) {
            System.out.println("Data: RANDOM features and labels of MNIST's shape (" + SAMPLES + " x " + FEATURES
                    + "), because MNIST is not in the dataset cache: " + e.getMessage());
            return randomMnist();
        }
    }

    /** Samples trained, wall seconds and process CPU seconds of one measurement. */
    record Timing(long samples, double wall, double cpu) {

        static Timing measure(long samples, Runnable work) {
            double cpu0 = processCpuSeconds();
            long t0 = System.nanoTime();
            work.run();
            return new Timing(samples, (System.nanoTime() - t0) / 1e9, processCpuSeconds() - cpu0);
        }

        double perSecond() {
            return samples / wall;
        }

        double perCpuSecond() {
            return samples / cpu;
        }

        static Timing best(List<Timing> all) {
            return all.stream().max(java.util.Comparator.comparingDouble(Timing::perSecond)).orElseThrow();
        }

        static double bestCpu(List<Timing> all) {
            return all.stream().mapToDouble(Timing::perCpuSecond).max().orElseThrow();
        }

        String describe() {
            return String.format(Locale.ROOT, "%7.0f samples/s %6.2f GFLOP/s", perSecond(),
                    perSecond() * FLOP_PER_SAMPLE / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f samples/s [%.0f/CPU-s]", perSecond(), perCpuSecond());
        }

        private static double processCpuSeconds() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        }
    }

    private static DataSet randomMnist() {
        Random r = new Random(SEED);
        float[] x = new float[SAMPLES * FEATURES];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        INDArray labels = Nd4j.zeros(DataType.FLOAT, SAMPLES, CLASSES);
        for (int i = 0; i < SAMPLES; i++) {
            labels.putScalar(i, r.nextInt(CLASSES), 1f);
        }
        return new DataSet(Nd4j.create(x, new long[] {SAMPLES, FEATURES}, 'c'), labels);
    }

    /**
     * Plain DL4J, as one would write it by hand: {@code fit(iterator)} per epoch (DL4J wraps the
     * iterator in its asynchronous prefetcher) or, with {@code loop}, {@code fit(batch)} per batch.
     * Returns samples/s over the whole fit, network creation included.
     */
    private static Timing timePlain(DataSet data, int epochs, boolean loop) {
        DataSet ds = data.copy();
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(SEED).dataType(DataType.FLOAT).updater(new RmsProp(0.001, 0.9, 1e-7))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .graphBuilder().addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(FEATURES).nOut(512).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(512).nOut(CLASSES)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out").build();
        return Timing.measure((long) epochs * SAMPLES, () -> {
            ComputationGraph net = new ComputationGraph(conf);
            net.init();
            for (int e = 1; e <= epochs; e++) {
                ds.shuffle(SEED + e);
                if (loop) {
                    for (int from = 0; from < SAMPLES; from += BATCH) {
                        net.fit((DataSet) ds.getRange(from, Math.min(SAMPLES, from + BATCH)));
                    }
                } else {
                    net.fit(new ViewIterator(ds, BATCH));
                }
            }
        });
    }

    /** Through the engine, from start() (which reads the data) to the end. */
    private static Timing timeEngine(DataSet data, int epochs) {
        return timeEngine(data, epochs, List.of("accuracy"));
    }

    private static Timing timeEngine(DataSet data, int epochs, List<String> metrics) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(FEATURES)));
        b.then("Dense", Map.of("units", 512, "activation", "relu"));
        b.then("Dense", Map.of("units", CLASSES, "activation", "softmax"));
        TrainingSettings settings = new TrainingSettings("categorical_crossentropy", OptimizerSettings.defaults("rmsprop"),
                metrics, epochs, BATCH, 0.0, true, SEED, CallbackSettings.none());
        Compilation c = Dl4jCompiler.compile(b.graph(), settings);
        TrainingData td = new TrainingData(new ViewIterator(data, SAMPLES), null, null, DataDescriptor.multiclass(CLASSES));
        return Timing.measure((long) epochs * SAMPLES, () -> {
            try (TrainingSession session = new TrainingSession(c.model(), td, e -> { }, null)) {
                SessionState end = session.start().get();
                if (end != SessionState.FINISHED) {
                    throw new IllegalStateException("The engine run ended " + end);
                }
            } catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    private static Timing onThread(boolean ownThread, java.util.concurrent.Callable<Timing> work) throws Exception {
        if (!ownThread) {
            return work.call();
        }
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            return ex.submit(work).get();
        } finally {
            ex.shutdown();
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
