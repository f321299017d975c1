package org.neuralcanvas.engine.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The native-library settings that make ND4J fast on the CPU, decided from the processor's
 * flags and the environment the JVM started with. A pure function: {@link NativeEnvironment}
 * applies the result to the process before OpenBLAS and OpenMP load.
 *
 * <p>Measured on a 2-core AMD EPYC (Zen 4, AVX-512), see docs/decisions/0001:
 * <ul>
 *   <li>{@code OMP_WAIT_POLICY=PASSIVE}: libnd4j's OpenMP threads otherwise spin after each
 *       parallel region and take the cores from OpenBLAS's threads. An MLP epoch went from
 *       about 14 s to about 3 s.</li>
 *   <li>{@code OPENBLAS_CORETYPE}: OpenBLAS 0.3.19 does not know Zen 4 and falls back to its
 *       SSE3 "Barcelona" kernels (about 100 GFLOP/s); SkylakeX kernels reach about
 *       350 GFLOP/s. So: SkylakeX where the processor has the AVX-512 subsets those kernels
 *       use, Haswell where it has AVX2 and FMA, OpenBLAS's own detection otherwise.</li>
 *   <li>{@code OPENBLAS_THREAD_TIMEOUT=4}: after a product, OpenBLAS's worker threads spin on
 *       {@code sched_yield} for 2^28 cycles (about 0.1 s) before they sleep, taking a core from
 *       libnd4j's and oneDNN's OpenMP threads, which run the rest of the step. In a profile of the
 *       MNIST CNN on oneDNN the spinning was 15 % of all samples (26 % for the MLP); with 2^4
 *       cycles the CNN step went from about 150 to about 100 ms (docs/decisions/0002).</li>
 * </ul>
 * A variable the environment already sets is kept: the person or machine that set it knows
 * something we don't (this workplace pins Haswell on purpose). A system property
 * ({@value #CORETYPE_PROPERTY}, {@value #WAIT_POLICY_PROPERTY}) overrides both.
 */
public final class NativeTuning {

    public static final String CORETYPE = "OPENBLAS_CORETYPE";
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    /** Forces OPENBLAS_CORETYPE, e.g. {@code SkylakeX}; {@code auto} means "from the CPU flags". */
    public static final String CORETYPE_PROPERTY = "neuralcanvas.openblas.coretype";
    /** Forces OMP_WAIT_POLICY, {@code PASSIVE} or {@code ACTIVE}. */
    public static final String WAIT_POLICY_PROPERTY = "neuralcanvas.omp.waitpolicy";
    public static final String THREADS = "OMP_NUM_THREADS";
    public static final String THREAD_TIMEOUT = "OPENBLAS_THREAD_TIMEOUT";
    /** Forces OPENBLAS_THREAD_TIMEOUT (4 to 30: OpenBLAS's workers spin 2^n cycles before they sleep). */
    public static final String THREAD_TIMEOUT_PROPERTY = "neuralcanvas.openblas.threadtimeout";
    /** The smallest value OpenBLAS accepts: its workers sleep almost as soon as a product ends. */
    static final String SHORTEST_THREAD_TIMEOUT = "4";
    /**
     * Set to {@code true} by the windowed app: keep one core for the JavaFX threads. On 2 cores
     * the dashboard's repaints preempted one of libnd4j's 2 OpenMP threads and each parallel
     * region waited for it: an MNIST-MLP epoch with the dashboard open took 3.30 s with 2 threads
     * and 2.67 s with 1 (headless: 2.14 s and 2.58 s), see docs/decisions/0001.
     */
    public static final String RESERVE_UI_CORE_PROPERTY = "neuralcanvas.reserveUiCore";

    private static final Set<String> SKYLAKEX_FLAGS =
            Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final Set<String> HASWELL_FLAGS = Set.of("avx", "avx2", "fma");

    private NativeTuning() {
    }

    /** The OpenBLAS kernel family for these flags, or null to let OpenBLAS detect it. */
    public static String coreTypeFor(Set<String> cpuFlags) {
        if (cpuFlags.containsAll(SKYLAKEX_FLAGS) && cpuFlags.containsAll(HASWELL_FLAGS)) {
            return "SkylakeX";
        }
        if (cpuFlags.containsAll(HASWELL_FLAGS)) {
            return "Haswell";
        }
        return null;
    }

    /**
     * The variables to set in the process: name to value, only those that change something.
     *
     * @param cpuFlags   the processor's flags
     * @param env        the environment the JVM started with
     * @param properties looks up system properties (the overrides)
     */
    public static Map<String, String> variablesToSet(Set<String> cpuFlags, Map<String, String> env,
                                                     java.util.function.Function<String, String> properties) {
        return variablesToSet(cpuFlags, 0, env, properties);
    }

    /**
     * As {@link #variablesToSet(Set, Map, java.util.function.Function)}, and with
     * {@value #RESERVE_UI_CORE_PROPERTY} set, {@code OMP_NUM_THREADS} = cores - 1 (at least 1)
     * unless the environment sets it.
     *
     * @param cores the logical processors, 0 when unknown
     */
    public static Map<String, String> variablesToSet(Set<String> cpuFlags, int cores, Map<String, String> env,
                                                     java.util.function.Function<String, String> properties) {
        Map<String, String> out = new LinkedHashMap<>();
        if ("true".equalsIgnoreCase(trimmed(properties.apply(RESERVE_UI_CORE_PROPERTY))) && cores >= 2
                && isBlank(env.get(THREADS))) {
            out.put(THREADS, Integer.toString(cores - 1));
        }

        String coreOverride = trimmed(properties.apply(CORETYPE_PROPERTY));
        String core;
        if (coreOverride != null && !coreOverride.equalsIgnoreCase("auto")) {
            core = coreOverride;
        } else if (coreOverride != null || isBlank(env.get(CORETYPE))) {
            core = coreTypeFor(cpuFlags);
        } else {
            core = null;
        }
        if (core != null && !core.equals(env.get(CORETYPE))) {
            out.put(CORETYPE, core);
        }

        String waitOverride = trimmed(properties.apply(WAIT_POLICY_PROPERTY));
        String wait = waitOverride != null ? waitOverride
                : isBlank(env.get(WAIT_POLICY)) ? "PASSIVE" : null;
        if (wait != null && !wait.equals(env.get(WAIT_POLICY))) {
            out.put(WAIT_POLICY, wait);
        }

        String timeoutOverride = trimmed(properties.apply(THREAD_TIMEOUT_PROPERTY));
        String timeout = timeoutOverride != null ? timeoutOverride
                : isBlank(env.get(THREAD_TIMEOUT)) ? SHORTEST_THREAD_TIMEOUT : null;
        if (timeout != null && !timeout.equals(env.get(THREAD_TIMEOUT))) {
            out.put(THREAD_TIMEOUT, timeout);
        }
        return out;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return isBlank(s) ? null : s.trim();
    }
}
