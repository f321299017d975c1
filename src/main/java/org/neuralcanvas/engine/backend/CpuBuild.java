package org.neuralcanvas.engine.backend;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The builds of ND4J's CPU backend (nd4j-native) that the application ships, from the most
 * to the least demanding. Each build is a separate native library that JavaCPP finds by the
 * platform extension appended to the platform's name ({@code linux-x86_64}, {@code windows-x86_64},
 * {@code macosx-x86_64}, ...). Which a build of the app carries depends on its platform (the pom's OS
 * profiles): every platform has {@link #GENERIC}; the x86-64 ones add oneDNN builds; ARM has only
 * {@link #GENERIC}. {@link Backends} takes the best one the processor runs that the class path holds.
 */
public enum CpuBuild {

    // In order of preference: the first one the processor runs and the class path holds is loaded.
    // A oneDNN build comes before the plain build of the same instruction set: it is the same libnd4j
    // with oneDNN linked in, whose convolution, pooling and batch-norm kernels are about 14x faster
    // (docs/decisions/0002-onednn-layers.md); everything else runs the same code.

    /** AVX-512 with oneDNN: the build the application ships for AVX-512 processors. */
    ONEDNN_AVX512("-onednn-avx512", "onednn-avx512", "AVX-512 + oneDNN", true, CpuFlags.AVX512),
    /** Built for AVX-512 (Skylake-X and later Intel, Zen 4 and later AMD), without oneDNN. */
    AVX512("-avx512", "avx512", "AVX-512", false, CpuFlags.AVX512),
    /** AVX2 with oneDNN. */
    ONEDNN_AVX2("-onednn-avx2", "onednn-avx2", "AVX2 + oneDNN", true, CpuFlags.AVX2),
    /** Built for AVX2 with FMA (Haswell and later Intel, Zen and later AMD), without oneDNN. */
    AVX2("-avx2", "avx2", "AVX2", false, CpuFlags.AVX2),
    /** Any x86-64 processor, with oneDNN (which picks its kernels for the processor at run time). */
    ONEDNN("-onednn", "onednn", "x86-64 + oneDNN", true, List.of()),
    /** Runs on any x86-64 processor; the library JavaCPP falls back to when the chosen one fails to load. */
    GENERIC("", "generic", "generic x86-64", false, List.of());

    /** The flag sets libnd4j's own check demands ({@code optimalLevel()}). */
    private static final class CpuFlags {
        static final List<String> AVX512 =
                List.of("avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
        static final List<String> AVX2 = List.of("avx", "avx2", "fma");
    }

    private final String extension;
    private final String id;
    private final String displayName;
    private final boolean oneDnn;
    private final List<String> requiredFlags;

    CpuBuild(String extension, String id, String displayName, boolean oneDnn, List<String> requiredFlags) {
        this.extension = extension;
        this.id = id;
        this.displayName = displayName;
        this.oneDnn = oneDnn;
        this.requiredFlags = requiredFlags;
    }

    /** The JavaCPP platform extension of this build: {@code "-onednn-avx512"}, {@code "-avx2"}, {@code ""}... */
    public String extension() {
        return extension;
    }

    /** A name for people: "AVX-512 + oneDNN", "AVX2", "generic x86-64". */
    public String displayName() {
        return displayName;
    }

    /** Short lower-case id for logs, files and {@code -Dneuralcanvas.cpu.build}: {@code onednn-avx512}, {@code avx2}, {@code generic}... */
    public String id() {
        return id;
    }

    /** Whether this build's libnd4j has oneDNN linked in (its buildInfo says HAVE_ONEDNN). */
    public boolean hasOneDnn() {
        return oneDnn;
    }

    /** The build of the same instruction set with or without oneDNN. */
    public CpuBuild withOneDnn(boolean wanted) {
        for (CpuBuild b : values()) {
            if (b.oneDnn == wanted && b.requiredFlags.equals(requiredFlags)) {
                return b;
            }
        }
        return this;
    }

    /**
     * The /proc/cpuinfo flags a processor must report to run this build. They mirror what
     * libnd4j itself checks before it refuses a build ({@code optimalLevel()}): AVX-512 needs
     * the F, CD, BW, DQ and VL subsets; AVX2 needs AVX, AVX2 and FMA.
     */
    public List<String> requiredFlags() {
        return requiredFlags;
    }

    /** Whether a processor reporting these flags can run this build. */
    public boolean runsOn(Set<String> cpuFlags) {
        return cpuFlags.containsAll(requiredFlags);
    }

    /** The build with this JavaCPP platform extension, if it is one of ours. */
    public static Optional<CpuBuild> fromExtension(String extension) {
        String e = extension == null ? "" : extension.trim();
        for (CpuBuild b : values()) {
            if (b.extension.equals(e)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The build with this id ({@code onednn-avx512}, {@code avx2}, {@code generic}...), case-insensitive. */
    public static Optional<CpuBuild> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (CpuBuild b : values()) {
            if (b.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
