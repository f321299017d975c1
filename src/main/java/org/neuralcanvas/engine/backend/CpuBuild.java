package org.neuralcanvas.engine.backend;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The builds of ND4J's CPU backend (nd4j-native) that the application ships, from the most
 * to the least demanding. Each build is a separate native library that JavaCPP finds by the
 * platform extension appended to {@code linux-x86_64}.
 */
public enum CpuBuild {

    /** Built for AVX-512 (Skylake-X and later Intel, Zen 4 and later AMD). */
    AVX512("-avx512", "AVX-512",
            List.of("avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")),
    /** Built for AVX2 with FMA (Haswell and later Intel, Zen and later AMD). */
    AVX2("-avx2", "AVX2", List.of("avx", "avx2", "fma")),
    /** Runs on any x86-64 processor. */
    GENERIC("", "generic x86-64", List.of());

    private final String extension;
    private final String displayName;
    private final List<String> requiredFlags;

    CpuBuild(String extension, String displayName, List<String> requiredFlags) {
        this.extension = extension;
        this.displayName = displayName;
        this.requiredFlags = requiredFlags;
    }

    /** The JavaCPP platform extension of this build: {@code "-avx512"}, {@code "-avx2"} or {@code ""}. */
    public String extension() {
        return extension;
    }

    /** A name for people: "AVX-512", "AVX2", "generic x86-64". */
    public String displayName() {
        return displayName;
    }

    /** Short lower-case id for logs and files: {@code avx512}, {@code avx2}, {@code generic}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
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

    /** The build with this id ({@code avx512}, {@code avx2}, {@code generic}), case-insensitive. */
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
