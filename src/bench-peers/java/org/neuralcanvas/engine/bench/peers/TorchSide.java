package org.neuralcanvas.engine.bench.peers;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.templates.Templates;

/**
 * PyTorch's side, through DJL: the same networks written as DJL blocks, the same optimizer with
 * the template's learning rate, the same batches, and the loop a PyTorch script has (forward,
 * loss, backward, step, read the loss). Softmax sits inside the loss, as PyTorch's
 * CrossEntropyLoss has it, instead of on the last layer: the same sums, PyTorch's usual form.
 */
final class TorchSide implements AutoCloseable {

    private final PeerCase c;
    private final NDManager manager;
    private final Model model;
    private final Trainer trainer;
    private final NDArray x;
    private final NDArray y;
    private double lastMeanLoss = Double.NaN;

    /**
     * Tells DJL how many threads PyTorch may use. Must run before anything loads DJL's engine:
     * PyTorch reads them once, when the engine starts (inter-op threads cannot change later).
     */
    static void configureThreads(int intraOp, int interOp) {
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(intraOp));
        System.setProperty("ai.djl.pytorch.num_interop_threads", String.valueOf(interOp));
    }

    /** Loads PyTorch and says which one runs, with the threads it really has (not those asked for). */
    static String describe() {
        Engine engine = Engine.getEngine("PyTorch");
        return "PyTorch " + engine.getVersion() + " through DJL " + Engine.getDjlVersion() + ", "
                + JniUtils.getNumThreads() + " intra-op threads, " + JniUtils.getNumInteropThreads()
                + " inter-op threads, devices " + java.util.Arrays.toString(engine.getDevices());
    }

    static int intraOpThreads() {
        return JniUtils.getNumThreads();
    }

    static int interOpThreads() {
        return JniUtils.getNumInteropThreads();
    }

    TorchSide(PeerCase c, long seed) {
        this.c = c;
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        OptimizerSettings o = new Templates().find(c.templateId()).orElseThrow().settings().optimizer();
        manager = engine.newBaseManager(Device.cpu());
        x = manager.create(c.features(), new Shape(prepend(c.samples(), c.torchShape())));
        y = manager.create(c.labels(), new Shape(c.samples(), c.classes()));
        model = Model.newInstance(c.key(), Device.cpu(), "PyTorch");
        model.setBlock(block(c));
        // sparseLabel false: the labels are one-hot, as Keras's categorical_crossentropy takes them.
        Loss loss = new SoftmaxCrossEntropyLoss("loss", 1f, -1, false, true);
        trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(optimizer(o))
                .optDevices(new Device[] {Device.cpu()}));
        trainer.initialize(new Shape(prepend(c.batchSize(), c.torchShape()), layout(c)));
    }

    /** One untimed pass, as our side has: JIT, libtorch's first calls and its allocator stay out of the figures. */
    void warmUp() {
        pass();
    }

    /** Milliseconds per training step of one pass over the same batches our side trains on. */
    double timePass() {
        long t0 = System.nanoTime();
        pass();
        return (System.nanoTime() - t0) / 1e6 / c.steps();
    }

    /**
     * The mean training loss of the last pass, as Keras's epoch loss: that both sides' losses
     * fall alike shows they train the same thing.
     */
    double lastMeanLoss() {
        return lastMeanLoss;
    }

    private void pass() {
        double lossSum = 0;
        for (int b = 0; b < c.steps(); b++) {
            int from = b * c.batchSize();
            int to = Math.min(c.samples(), from + c.batchSize());
            // Everything a step makes (the batch views, activations, loss) lives in this manager
            // and is freed with it at the end of the step, as PyTorch frees a step's tensors.
            try (NDManager step = manager.newSubManager()) {
                NDArray bx = x.get(new NDIndex("{}:{}", from, to));
                NDArray by = y.get(new NDIndex("{}:{}", from, to));
                bx.attach(step);
                by.attach(step);
                float lossValue;
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDList out = trainer.forward(new NDList(bx));
                    NDArray l = trainer.getLoss().evaluate(new NDList(by), out);
                    gc.backward(l);
                    lossValue = l.getFloat();
                }
                trainer.step();
                if (!Float.isFinite(lossValue)) {
                    throw new IllegalStateException("PyTorch's " + c.key() + " loss is " + lossValue
                            + " at step " + (b + 1));
                }
                lossSum += (double) lossValue * (to - from);
            }
        }
        lastMeanLoss = lossSum / c.samples();
    }

    private static Block block(PeerCase c) {
        return switch (c.key()) {
            case "mlp" -> new SequentialBlock()
                    .add(Linear.builder().setUnits(512).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(c.classes()).build());
            case "cnn" -> new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(32).build()).add(Activation::relu)
                    .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(64).build()).add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                    .add(Dropout.builder().optRate(0.25f).build())
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(128).build()).add(Activation::relu)
                    .add(Dropout.builder().optRate(0.5f).build())
                    .add(Linear.builder().setUnits(c.classes()).build());
            // Keras's three LSTM layers (two returning sequences, the last its final step) are
            // one 3-layer PyTorch LSTM whose output is cut to the last step.
            case "lstm" -> new SequentialBlock()
                    .add(LSTM.builder().setStateSize(32).setNumLayers(3).optBatchFirst(true).optReturnState(false)
                            .build())
                    .add(new LambdaBlock(list -> new NDList(list.head().get(":, -1, :"))))
                    .add(Linear.builder().setUnits(c.classes()).build());
            default -> throw new IllegalArgumentException(c.key());
        };
    }

    /** The template's optimizer with its numbers (Keras's defaults: rmsprop lr 1e-3, rho 0.9, eps 1e-7; adam lr 1e-3). */
    private static Optimizer optimizer(OptimizerSettings o) {
        return switch (o.name()) {
            case "rmsprop" -> new TorchRmsProp((float) o.learningRate(), (float) o.rho(), (float) o.epsilon());
            case "adam" -> Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) o.learningRate()))
                    .optBeta1((float) o.beta1()).optBeta2((float) o.beta2()).optEpsilon((float) o.epsilon()).build();
            default -> throw new IllegalArgumentException("No PyTorch optimizer for " + o.name());
        };
    }

    /** DJL checks layouts where a block cares (convolutions, recurrent layers). */
    private static String layout(PeerCase c) {
        return switch (c.torchShape().length) {
            case 1 -> "NC";
            case 2 -> "NTC";
            case 3 -> "NCHW";
            default -> throw new IllegalArgumentException(c.key());
        };
    }

    private static long[] prepend(long first, long[] rest) {
        long[] s = new long[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }
}
