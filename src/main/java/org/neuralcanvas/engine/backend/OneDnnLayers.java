package org.neuralcanvas.engine.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether DL4J's layers run on libnd4j's oneDNN kernels: convolutions, pooling, batch normalisation and local
 * response normalisation, through DL4J's own {@code MKLDNN*Helper} classes.
 *
 * <p>Two things keep DL4J 1.0.0-M2.1 from using them, and the app undoes both: layer helpers are off unless
 * the system property {@value #DL4J_HELPERS_DISABLE} is {@code false} ({@link #allowHelpers}, called by
 * {@link Backends} before any layer exists), and DL4J's check for oneDNN looks up a class that moved (answered
 * by {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, which asks {@link #active()}). The trained model stays a
 * plain DL4J {@code ComputationGraph}: a helper is chosen when a layer is created, never saved.
 */
public final class OneDnnLayers {

    /** DL4J's switch for layer helpers (cuDNN and oneDNN); DL4J treats a missing value as "disabled". */
    public static final String DL4J_HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    /** {@code -Dneuralcanvas.onednn=false} makes layers created from then on use DL4J's own code (benchmarks, tests). */
    public static final String PROPERTY = "neuralcanvas.onednn";

    private static final Logger LOG = LoggerFactory.getLogger(OneDnnLayers.class);
    /** Whether the loaded libnd4j has oneDNN linked in; null until ND4J has loaded and someone asked. */
    private static volatile Boolean loadedBuildHasOneDnn;

    private OneDnnLayers() {
    }

    /** Lets DL4J create layer helpers, unless the user set {@value #DL4J_HELPERS_DISABLE} themselves. */
    static void allowHelpers(BackendHost host) {
        if (host.property(DL4J_HELPERS_DISABLE) == null) {
            host.setProperty(DL4J_HELPERS_DISABLE, "false");
        }
    }

    /**
     * Whether a layer created now should use its oneDNN helper: the CPU backend is loaded, its build has oneDNN
     * and {@value #PROPERTY} is not {@code false}. On a plain build the helpers
     * would call libnd4j's generic kernels, slower than DL4J's own code, so they stay off there.
     */
    public static boolean active() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return false;
        }
        Boolean has = loadedBuildHasOneDnn;
        if (has == null) {
            has = probe();
            loadedBuildHasOneDnn = has;
        }
        return has;
    }

    private static boolean probe() {
        try {
            boolean cpu = "CPU".equalsIgnoreCase(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"));
            boolean has = cpu && Nd4jProbe.loadedCpuBuild().hasOneDnn();
            LOG.info("Backend: layers use oneDNN kernels: {}", has);
            return has;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Backend: could not tell whether libnd4j has oneDNN; layers use DL4J's own code", e);
            return false;
        }
    }
}
