package org.neuralcanvas.engine.keras;

import java.time.Duration;

/**
 * Limits of one import.
 *
 * @param loadWeights    whether to build the DL4J network with the file's weights (else architecture only)
 * @param maxWeightBytes files larger than this open as architecture only, so a huge file cannot exhaust memory
 * @param dl4jTimeout    how long DL4J may take to build the network before the import goes on without it
 */
public record KerasImportOptions(boolean loadWeights, long maxWeightBytes, Duration dl4jTimeout) {

    public static KerasImportOptions defaults() {
        return new KerasImportOptions(true, 1L << 30, Duration.ofSeconds(60));
    }

    public static KerasImportOptions architectureOnly() {
        return new KerasImportOptions(false, 0, Duration.ZERO);
    }

    public KerasImportOptions withDl4jTimeout(Duration timeout) {
        return new KerasImportOptions(loadWeights, maxWeightBytes, timeout);
    }
}
