package org.neuralcanvas.engine.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * An NVIDIA GPU as {@code nvidia-smi} names it, and whether the CUDA that DL4J 1.0.0-M2.1 ships can use it.
 *
 * <p>nd4j-cuda-11.6 is built with CUDA 11.6, whose newest target is compute capability 8.6 (Ampere: RTX 30, A100
 * is 8.0). Ada (RTX 40, L4: 8.9), Hopper (H100, H200: 9.0) and Blackwell (B200: 10.0, RTX 50: 12.0) came with CUDA
 * 11.8 and 12.x, so libnd4j's kernels have no code for them.
 *
 * @param name              "NVIDIA H200"
 * @param computeCapability "9.0"
 */
public record NvidiaGpu(String name, String computeCapability) {

    /** The newest compute capability CUDA 11.6 compiles for. */
    static final int NEWEST_MAJOR = 8;
    static final int NEWEST_MINOR = 6;

    /** Whether CUDA 11.6's kernels can run on this GPU; true when its compute capability is unreadable. */
    public boolean usableByCuda116() {
        String[] parts = computeCapability.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < NEWEST_MAJOR || (major == NEWEST_MAJOR && minor <= NEWEST_MINOR);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Parses {@code nvidia-smi --query-gpu=name,compute_cap --format=csv,noheader}: "NVIDIA H200, 9.0" per line. */
    static List<NvidiaGpu> parseQuery(String output) {
        List<NvidiaGpu> gpus = new ArrayList<>();
        for (String line : output.split("\\R")) {
            int comma = line.lastIndexOf(',');
            if (comma > 0) {
                gpus.add(new NvidiaGpu(line.substring(0, comma).trim(), line.substring(comma + 1).trim()));
            }
        }
        return gpus;
    }
}
