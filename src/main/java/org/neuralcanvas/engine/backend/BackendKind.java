package org.neuralcanvas.engine.backend;

import java.util.Locale;
import java.util.Optional;

/** Where ND4J does its maths. */
public enum BackendKind {
    /** nd4j-native on the processor, with OpenBLAS. */
    CPU,
    /** nd4j-cuda on an NVIDIA GPU, with cuBLAS and cuDNN. */
    GPU;

    /** {@code cpu} or {@code gpu} (also {@code cuda}), case-insensitive. */
    public static Optional<BackendKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> Optional.of(CPU);
            case "gpu", "cuda" -> Optional.of(GPU);
            default -> Optional.empty();
        };
    }
}
