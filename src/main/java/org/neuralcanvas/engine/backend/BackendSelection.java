package org.neuralcanvas.engine.backend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The choice made at start-up, before ND4J loads.
 *
 * @param requested what the user or the command line asked for
 * @param planned   what ND4J will be asked to use
 * @param cpuBuild  the nd4j-native build JavaCPP will load when the CPU backend runs
 * @param reason    one line for the log saying why this build (e.g. the CPU flags that decided it)
 * @param notice    a sentence for the user when the choice differs from the request or a safer
 *                  build had to be taken; empty when there is nothing to say
 * @param nativeEnv the native tuning variables in force for this process
 *                  ({@code OPENBLAS_CORETYPE}, {@code OMP_WAIT_POLICY}), set by us or inherited;
 *                  absent ones are left out
 */
public record BackendSelection(BackendKind requested, BackendKind planned, CpuBuild cpuBuild,
                               String reason, String notice, Map<String, String> nativeEnv) {

    public BackendSelection {
        reason = reason == null ? "" : reason;
        notice = notice == null ? "" : notice;
        nativeEnv = Collections.unmodifiableMap(new LinkedHashMap<>(nativeEnv));
    }

    /** Whether there is something the user should be told. */
    public boolean hasNotice() {
        return !notice.isEmpty();
    }
}
