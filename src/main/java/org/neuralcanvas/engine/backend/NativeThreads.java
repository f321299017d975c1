package org.neuralcanvas.engine.backend;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many threads libnd4j's own loops use (its element-wise ops, reductions and the loops inside fused ops such as
 * {@code lstmLayer}). Not OpenBLAS's threads (matrix products) and not oneDNN's (convolutions, pooling): both keep
 * one per core.
 *
 * <p>libnd4j starts a parallel region for almost every op, and with {@code OMP_WAIT_POLICY=PASSIVE} (which the
 * products need, docs/decisions/0001) each region wakes a sleeping thread. For the small arrays of recurrent
 * networks the waking costs more than the work: on 2 cores the stacked-LSTM template's step took 95 ms with 2
 * threads and 34 ms with 1 (DL4J's LSTM; 60 and 18 ms with the fused one), while the MNIST MLP and CNN, whose big
 * work is in OpenBLAS and oneDNN, did not change (docs/decisions/0002-onednn-layers.md). So one thread, unless
 * {@value #PROPERTY} says otherwise (measured on 2 cores only; a many-core machine may want more).
 */
public final class NativeThreads {

    /** {@code -Dneuralcanvas.nd4j.threads=N}: libnd4j's own thread count (default 1). */
    public static final String PROPERTY = "neuralcanvas.nd4j.threads";
    static final int DEFAULT = 1;

    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);
    private static volatile boolean applied;

    private NativeThreads() {
    }

    /** Sets libnd4j's thread count once per JVM; loads ND4J, so call it off the UI thread. */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (NativeThreads.class) {
            if (applied) {
                return;
            }
            int threads = threadsFrom(System.getProperty(PROPERTY));
            Environment env = Nd4j.getEnvironment();
            env.setMaxThreads(threads);
            env.setMaxMasterThreads(threads);
            LOG.info("Backend: libnd4j's own loops use {} thread(s)", threads);
            applied = true;
        }
    }

    /** The thread count a property value asks for; the default when it is missing or not a positive number. */
    static int threadsFrom(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n > 0 ? n : DEFAULT;
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }
}
