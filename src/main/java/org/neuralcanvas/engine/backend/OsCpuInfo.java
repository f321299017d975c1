package org.neuralcanvas.engine.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The processor's instruction-set flags as each operating system tells them, in the names of Linux's
 * {@code /proc/cpuinfo} ({@code avx}, {@code avx2}, {@code fma}, {@code avx512f}, ...), so {@link CpuBuild}
 * needs one vocabulary: Linux from {@code /proc/cpuinfo}; macOS on Intel from {@code sysctl machdep.cpu};
 * Windows from {@code IsProcessorFeaturePresent}. ARM processors have one nd4j-native build, so their flags are
 * not read. Anything unreadable gives no flags, and no flags give the generic build: never one the processor
 * might not run (libnd4j calls {@code exit(1)} on such a processor).
 */
final class OsCpuInfo {

    // winnt.h's PF_AVX_INSTRUCTIONS_AVAILABLE, PF_AVX2_..., PF_AVX512F_...; older Windows answers FALSE.
    private static final int PF_AVX = 39;
    private static final int PF_AVX2 = 40;
    private static final int PF_AVX512F = 41;

    private OsCpuInfo() {
    }

    /** kernel32's feature question; JNA maps BOOL to boolean. */
    interface Kernel32 extends Library {
        boolean IsProcessorFeaturePresent(int feature);
    }

    /** The flags of this machine's processor for JavaCPP's platform name ({@code linux-x86_64}, ...). */
    static CpuInfo read(String platform) {
        try {
            if (platform.startsWith("linux")) {
                CpuInfo info = CpuInfo.parse(Files.readString(Path.of("/proc/cpuinfo")));
                return platform.endsWith("x86_64") ? info : withoutFlags(info.modelName());
            }
            if (!platform.endsWith("x86_64")) {
                return withoutFlags(CpuInfo.UNKNOWN_MODEL);
            }
            if (platform.startsWith("macosx")) {
                return fromMacSysctl(run("/usr/sbin/sysctl", "-n", "machdep.cpu.brand_string", "machdep.cpu.features",
                        "machdep.cpu.leaf7_features"));
            }
            if (platform.startsWith("windows")) {
                Kernel32 k = Native.loadLibrary("kernel32", Kernel32.class);
                return fromWindowsFeatures(System.getenv("PROCESSOR_IDENTIFIER"), k.IsProcessorFeaturePresent(PF_AVX),
                        k.IsProcessorFeaturePresent(PF_AVX2), k.IsProcessorFeaturePresent(PF_AVX512F));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            return CpuInfo.unknown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CpuInfo.unknown();
    }

    /**
     * {@code sysctl -n machdep.cpu.brand_string machdep.cpu.features machdep.cpu.leaf7_features}: the brand on
     * the first line, then upper-case flag lists, where AVX is spelled {@code AVX1.0}.
     */
    static CpuInfo fromMacSysctl(String output) {
        List<String> lines = output.lines().toList();
        Set<String> flags = new LinkedHashSet<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            for (String f : CpuInfo.parseFlags(line)) {
                flags.add(f.equals("avx1.0") ? "avx" : f.replace('.', '_'));
            }
        }
        return new CpuInfo(lines.isEmpty() ? null : lines.get(0), flags, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Windows answers three questions only. Every x86 processor with AVX2 has FMA too (Intel from Haswell, AMD
     * from Excavator and Zen), so AVX2 counts as both; AVX-512 is asked for its foundation only, so the AVX-512
     * builds, which need the CD, BW, DQ and VL subsets as well, are never chosen on Windows.
     */
    static CpuInfo fromWindowsFeatures(String identifier, boolean avx, boolean avx2, boolean avx512f) {
        Set<String> flags = new LinkedHashSet<>();
        if (avx) {
            flags.add("avx");
            if (avx2) {
                flags.add("avx2");
                flags.add("fma");
                if (avx512f) {
                    flags.add("avx512f");
                }
            }
        }
        return new CpuInfo(identifier, flags, Runtime.getRuntime().availableProcessors());
    }

    private static CpuInfo withoutFlags(String model) {
        return new CpuInfo(model, Set.of(), Runtime.getRuntime().availableProcessors());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? out : "";
    }
}
