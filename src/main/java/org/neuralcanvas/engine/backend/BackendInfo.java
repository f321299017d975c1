package org.neuralcanvas.engine.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The backend ND4J runs on, as loaded: what the status bar, the About dialog and the log show.
 *
 * @param kind              CPU or GPU
 * @param deviceName        the processor's model name, or the GPU's name
 * @param build             the native build that loaded: {@code avx512}, {@code avx2},
 *                          {@code generic} (see {@link CpuBuild#id()}) or {@code cuda}
 * @param cores             logical processors ND4J sees
 * @param maxHeapBytes      the JVM's maximum heap
 * @param offHeapLimitBytes the most off-heap memory JavaCPP lets ND4J allocate
 * @param physicalBytes     the machine's memory
 * @param gpuMemoryBytes    the GPU's total memory; 0 on the CPU
 * @param blasVendor        e.g. {@code OPENBLAS}, {@code CUBLAS}
 * @param blasThreads       threads the BLAS library uses
 * @param ompThreads        threads libnd4j's OpenMP loops use
 * @param nativeEnv         the native tuning variables in force
 * @param notice            a sentence for the user about a fallback; empty when none
 */
public record BackendInfo(BackendKind kind, String deviceName, String build, int cores,
                          long maxHeapBytes, long offHeapLimitBytes, long physicalBytes,
                          long gpuMemoryBytes, String blasVendor, int blasThreads, int ompThreads,
                          Map<String, String> nativeEnv, String notice) {

    public BackendInfo {
        nativeEnv = Collections.unmodifiableMap(new LinkedHashMap<>(nativeEnv));
        notice = notice == null ? "" : notice;
    }

    /** Whether there is a fallback the user should be told about. */
    public boolean hasNotice() {
        return !notice.isEmpty();
    }

    /**
     * One line for a status bar or log, e.g. "CPU: AMD EPYC (2 cores), AVX-512 build,
     * OPENBLAS 2 threads; heap 4.0 GiB, off-heap 4.0 GiB".
     */
    /** One line in the user's language (the engine's sentences): what the maths runs on, its build, threads, memory. */
    public String summary() {
        String buildName = CpuBuild.fromId(build).map(CpuBuild::displayName).orElse(build.toUpperCase(Locale.ROOT));
        String device = kind == BackendKind.GPU
                ? org.neuralcanvas.engine.EngineSentences.SAY.say("backend.summary.gpu", kind, deviceName, gib(gpuMemoryBytes))
                : org.neuralcanvas.engine.EngineSentences.SAY.say("backend.summary.cpu", kind, deviceName, cores);
        return org.neuralcanvas.engine.EngineSentences.SAY.say("backend.summary", device, buildName, blasVendor, blasThreads,
                gib(maxHeapBytes), gib(offHeapLimitBytes));
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
