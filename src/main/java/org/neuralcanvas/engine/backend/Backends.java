package org.neuralcanvas.engine.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses ND4J's backend before ND4J loads, and reports the one in use afterwards.
 *
 * <p>The app and the command line call {@link #ensureSelected()} first thing, before any
 * class touches {@code Nd4j}. It reads the processor's flags from {@code /proc/cpuinfo} and
 * tells JavaCPP which nd4j-native build to load, through the system property
 * {@value #JAVACPP_EXTENSION_PROPERTY}. Left alone, JavaCPP loads the most demanding build
 * on the class path (AVX-512) whatever the processor, and libnd4j then calls
 * {@code System.exit(1)} on a processor without AVX-512: so the choice is made from the
 * flags, never by trying a build in-process. {@link #describe()} then loads ND4J and says
 * what runs.
 *
 * <p>No static state: the choice lives in JVM system properties, so calling
 * {@code ensureSelected} again, from any instance, keeps the first choice.
 */
public final class Backends {

    /** JavaCPP's property for the platform extension: {@code -avx512}, {@code -avx2} or empty. */
    public static final String JAVACPP_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** Which backend the user prefers: {@code cpu} (default) or {@code gpu}. */
    public static final String BACKEND_PROPERTY = "neuralcanvas.backend";
    /** Forces a CPU build, {@code generic}, {@code avx2} or {@code avx512}; for benchmarks. */
    public static final String CPU_BUILD_PROPERTY = "neuralcanvas.cpu.build";

    static final String CPU_BACKEND_CLASS = "org/nd4j/linalg/cpu/nativecpu/CpuBackend.class";
    static final String CUDA_BACKEND_CLASS = "org/nd4j/linalg/jcublas/JCublasBackend.class";
    static final String CPU_BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    private final BackendHost host;
    /** The last selection this instance made, so describe() need not select (and log) again. */
    private volatile BackendSelection lastSelection;

    /** Selection for the machine this JVM runs on. */
    public Backends() {
        this(BackendHost.system());
    }

    /** Selection for the given host; tests pass a fake one. */
    public Backends(BackendHost host) {
        this.host = host;
    }

    /**
     * Selects the backend the user prefers ({@value #BACKEND_PROPERTY}, CPU when unset). Call
     * before anything touches ND4J; calling again keeps the first choice.
     */
    public BackendSelection ensureSelected() {
        BackendKind preferred = BackendKind.parse(host.property(BACKEND_PROPERTY)).orElse(BackendKind.CPU);
        return ensureSelected(preferred);
    }

    /**
     * Selects a backend, falling back to the CPU with a notice where the GPU can't work, and
     * picks the nd4j-native build for this processor. Cheap: reads /proc/cpuinfo and the
     * class path, loads nothing native. Idempotent.
     */
    public synchronized BackendSelection ensureSelected(BackendKind preferred) {
        boolean cpuShipped = host.hasResource(CPU_BACKEND_CLASS);
        boolean cudaShipped = host.hasResource(CUDA_BACKEND_CLASS);
        List<String> notices = new ArrayList<>();
        BackendKind planned = planKind(preferred, cpuShipped, cudaShipped, notices);

        CpuInfo cpu = host.cpuInfo();
        BuildChoice build = cpuShipped
                ? chooseBuild(cpu, notices)
                : new BuildChoice(CpuBuild.GENERIC, "no CPU backend in this build");
        if (cpuShipped) {
            // Set even when the GPU is planned: should CUDA fail, ND4J falls back to the CPU
            // backend in-process, and it must not load a build this processor can't run.
            host.setProperty(JAVACPP_EXTENSION_PROPERTY, build.build().extension());
        }
        if (planned == BackendKind.CPU) {
            // Not for the GPU: there DL4J would look for its cuDNN helper classes, which are not shipped.
            OneDnnLayers.allowHelpers(host);
        }
        Map<String, String> nativeEnv = tuneNativeLibraries(cpu);
        BackendSelection selection = new BackendSelection(preferred, planned, build.build(),
                build.reason(), String.join(" ", notices), nativeEnv);
        LOG.info("Backend: {} planned ({} asked); CPU build {}: {}; native settings {}", planned,
                preferred, build.build().id(), build.reason(), nativeEnv);
        if (selection.hasNotice()) {
            LOG.warn("Backend: {}", selection.notice());
        }
        lastSelection = selection;
        return selection;
    }

    /**
     * Sets OPENBLAS_CORETYPE, OMP_WAIT_POLICY, OPENBLAS_THREAD_TIMEOUT and (where asked) OMP_NUM_THREADS for the native
     * libraries about to load (see
     * {@link NativeTuning}); returns the values in force afterwards.
     */
    private Map<String, String> tuneNativeLibraries(CpuInfo cpu) {
        Map<String, String> current = new LinkedHashMap<>();
        for (String name : List.of(NativeTuning.CORETYPE, NativeTuning.WAIT_POLICY, NativeTuning.THREADS,
                NativeTuning.THREAD_TIMEOUT)) {
            String value = host.nativeEnv(name);
            if (value != null) {
                current.put(name, value);
            }
        }
        Map<String, String> wanted = NativeTuning.variablesToSet(cpu.flags(), cpu.logicalCpus(), current, host::property);
        Map<String, String> set = host.setNativeEnv(wanted);
        current.putAll(set);
        if (!set.isEmpty()) {
            LOG.info("Backend: set {} for OpenBLAS and OpenMP", set);
        }
        return current;
    }

    private BackendKind planKind(BackendKind preferred, boolean cpuShipped, boolean cudaShipped,
                                 List<String> notices) {
        if (!cudaShipped) {
            if (preferred == BackendKind.GPU) {
                notices.add(BackendMessages.noGpuInBuild());
            }
            return BackendKind.CPU;
        }
        boolean driver = host.nvidiaDriverLoaded();
        if (!cpuShipped) {
            if (!driver) {
                notices.add(BackendMessages.noDriverAndNoCpu());
            } else if (preferred == BackendKind.CPU) {
                notices.add(BackendMessages.onlyGpuInBuild());
            }
            return BackendKind.GPU;
        }
        if (!driver) {
            if (preferred == BackendKind.GPU) {
                notices.add(BackendMessages.noDriverFallback());
            }
            return BackendKind.CPU;
        }
        host.nvidiaGpus().stream().filter(g -> !g.usableByCuda116()).findFirst()
                .ifPresent(g -> notices.add(BackendMessages.gpuTooNew(g)));
        if (preferred == BackendKind.CPU) {
            // ND4J ranks CUDA above the CPU and reads that ranking from environment variables
            // only (BACKEND_PRIORITY_CPU/GPU), which a running JVM cannot change.
            notices.add(BackendMessages.gpuWinsWhenPresent());
        }
        return BackendKind.GPU;
    }

    private record BuildChoice(CpuBuild build, String reason) { }

    private BuildChoice chooseBuild(CpuInfo cpu, List<String> notices) {
        CpuBuild best = bestShippedBuild(cpu);
        String flagsReason = !host.platform().endsWith("x86_64")
                ? host.platform() + " has one CPU build, " + best.id()
                : cpu.flags().isEmpty()
                ? "no CPU flags readable, generic is the only safe build"
                : "CPU flags allow " + cpu.bestBuild().id()
                        + (best == cpu.bestBuild() ? "" : ", best shipped is " + best.id());

        String forcedId = host.property(CPU_BUILD_PROPERTY);
        if (forcedId != null && !forcedId.isBlank()) {
            Optional<CpuBuild> forced = CpuBuild.fromId(forcedId);
            if (forced.isPresent() && usable(forced.get(), cpu)) {
                return new BuildChoice(forced.get(), CPU_BUILD_PROPERTY + "=" + forcedId.trim());
            }
            notices.add(BackendMessages.buildRefused(forcedId.trim(), best));
            return new BuildChoice(best, flagsReason);
        }

        String already = host.property(JAVACPP_EXTENSION_PROPERTY);
        if (already != null) {
            Optional<CpuBuild> kept = CpuBuild.fromExtension(already);
            if (kept.isPresent() && usable(kept.get(), cpu)) {
                return new BuildChoice(kept.get(),
                        "kept " + JAVACPP_EXTENSION_PROPERTY + "=\"" + already + "\"");
            }
            notices.add(BackendMessages.buildRefused(already, best));
        }
        return new BuildChoice(best, flagsReason);
    }

    /** The most capable build the processor runs whose native libraries are on the class path. */
    CpuBuild bestShippedBuild(CpuInfo cpu) {
        for (CpuBuild b : CpuBuild.values()) {
            if (usable(b, cpu)) {
                return b;
            }
        }
        return CpuBuild.GENERIC;
    }

    private boolean usable(CpuBuild build, CpuInfo cpu) {
        return build.runsOn(cpu.flags()) && shipped(build);
    }

    /** Whether the class path holds this build's native libraries for this platform. */
    boolean shipped(CpuBuild build) {
        String platform = host.platform();
        String dir = CPU_BINDINGS + platform + build.extension() + "/";
        return host.hasResource(dir + libraryFile(platform, "jnind4jcpu"))
                && host.hasResource(dir + libraryFile(platform, "nd4jcpu"));
    }

    /**
     * The file a native library of nd4j-native has in the platform's jars: {@code libNAME.so} on Linux,
     * {@code libNAME.dylib} on macOS; on Windows JavaCPP's JNI library is {@code NAME.dll} but libnd4j, built with
     * MinGW, is {@code libnd4jcpu.dll} (as in the windows-x86_64 jars of 1.0.0-M2.1).
     */
    static String libraryFile(String platform, String name) {
        if (platform.startsWith("windows")) {
            return (name.startsWith("jni") ? "" : "lib") + name + ".dll";
        }
        return "lib" + name + (platform.startsWith("macosx") ? ".dylib" : ".so");
    }

    /**
     * Loads ND4J (seconds: call it off the UI thread) after {@link #ensureSelected()} and
     * reports the backend that actually runs.
     *
     * @throws BackendUnavailableException when no backend can start (a CUDA-only build on a
     *         machine without a working GPU); its message is a sentence for the user
     */
    public BackendInfo describe() {
        BackendSelection selection = lastSelection != null ? lastSelection : ensureSelected();
        try {
            return Nd4jProbe.describe(selection, host.cpuInfo());
        } catch (RuntimeException | LinkageError e) {
            String sentence = selection.hasNotice() ? selection.notice() : BackendMessages.nothingLoaded();
            LOG.error("Backend: ND4J could not start", e);
            throw new BackendUnavailableException(sentence, e);
        }
    }

    /**
     * {@link #describe()} as one line for a status bar: what trains, plus any notice (a GPU that
     * was asked for but is not there), or the sentence saying why nothing can train.
     */
    public String describeInWords() {
        try {
            BackendInfo info = describe();
            return info.summary() + (info.hasNotice() ? " — " + info.notice() : "");
        } catch (BackendUnavailableException e) {
            return e.getMessage();
        }
    }
}
