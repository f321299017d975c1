package org.nd4j.nativeblas;

import org.neuralcanvas.engine.backend.OneDnnLayers;

/**
 * The class DL4J 1.0.0-M2.1 looks for, by name, before it lets a layer use oneDNN: a bridge, because the class
 * it names moved.
 *
 * <p>{@code BaseMKLDNNHelper.mklDnnEnabled()} (asked by {@code ConvolutionLayer}, {@code SubsamplingLayer},
 * {@code BatchNormalization} and {@code LocalResponseNormalization} when they are created) loads
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection and calls {@code getInstance().isUseMKLDNN()}.
 * In M2.1 the class is {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method is
 * {@code isUseONEDNN()}, so the lookup fails, DL4J decides oneDNN is off, and every layer runs DL4J's own
 * im2col code instead of libnd4j's oneDNN kernels (14x slower for the MNIST CNN's convolutions). This class
 * answers that lookup with {@link OneDnnLayers#active()}. Nothing else calls it; it lives in DL4J's package
 * only because the name is what DL4J asks for (docs/decisions/0002-onednn-layers.md).
 */
@SuppressWarnings("checkstyle:TypeName")
public final class Nd4jCpu$Environment {

    private static final Nd4jCpu$Environment INSTANCE = new Nd4jCpu$Environment();

    private Nd4jCpu$Environment() {
    }

    /** Called by DL4J through reflection. */
    public static Nd4jCpu$Environment getInstance() {
        return INSTANCE;
    }

    /** Called by DL4J through reflection: whether layers may use their oneDNN helpers. */
    public boolean isUseMKLDNN() {
        return OneDnnLayers.active();
    }
}
