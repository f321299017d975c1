package org.neuralcanvas.engine.keras;

import java.time.Duration;

/**
 * Limits of one import.
 *
 * @param loadWeights    whether to load the file's weights (else architecture only)
 * @param maxWeightBytes files (or a .keras file's weights) larger than this open as architecture only, so a huge
 *                       file cannot exhaust memory
 * @param timeout        how long reading the file and its weights may take before the import stops
 */
public record KerasImportOptions(boolean loadWeights, long maxWeightBytes, Duration timeout) {

    public static KerasImportOptions defaults() {
        return new KerasImportOptions(true, 1L << 30, Duration.ofSeconds(120));
    }

    public static KerasImportOptions architectureOnly() {
        return new KerasImportOptions(false, 0, Duration.ofSeconds(30));
    }

    public KerasImportOptions withTimeout(Duration limit) {
        return new KerasImportOptions(loadWeights, maxWeightBytes, limit);
    }
}
