package org.neuralcanvas.engine.bench;

import java.util.Locale;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.neuralcanvas.engine.backend.BackendInfo;
import org.neuralcanvas.engine.backend.Backends;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A stand-in for an MNIST MLP epoch that needs no data set: 469 training steps of a
 * 784-512-256-10 ReLU network (Adam, batch 128) on one synthetic batch, i.e. 60,000 samples.
 * It exercises what a real epoch does besides matrix products (activations, softmax, the
 * updater), which is where the CPU build and OpenMP settings show. Used to choose the backend
 * settings (docs/decisions/0001); the real MNIST benchmark lives with the training code.
 *
 * <p>Run: {@code java -cp target/classes:$(cat cp.txt) org.neuralcanvas.engine.bench.MlpStepRate [epochs]}
 */
public final class MlpStepRate {

    private static final int BATCH = 128;
    private static final int SAMPLES = 60_000;

    private MlpStepRate() {
    }

    /** Seconds for one synthetic epoch after a short warm-up, for each of {@code epochs}. */
    public static double[] measureEpochSeconds(int epochs) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(new Adam(1e-3))
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(512).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(512).nOut(256).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(256).nOut(10).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(1);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, 784);
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, 10);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, i % 10, 1f);
        }
        DataSet batch = new DataSet(x, y);
        for (int i = 0; i < 50; i++) {
            net.fit(batch);
        }
        double[] seconds = new double[epochs];
        int steps = SAMPLES / BATCH;
        for (int e = 0; e < epochs; e++) {
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                net.fit(batch);
            }
            seconds[e] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    public static void main(String[] args) {
        Backends backends = new Backends();
        backends.ensureSelected();
        BackendInfo info = backends.describe();
        System.out.println("backend: " + info.summary());
        System.out.println("native settings: " + info.nativeEnv()
                + "  OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double[] seconds = measureEpochSeconds(epochs);
        for (int e = 0; e < seconds.length; e++) {
            System.out.printf(Locale.ROOT, "synthetic MLP epoch %d: %.2f s%n", e + 1, seconds[e]);
        }
        System.out.printf(Locale.ROOT, "matmul rate in the same run: %.1f GFLOP/s%n",
                new MatmulRate().measureMatmulGflops());
    }
}
