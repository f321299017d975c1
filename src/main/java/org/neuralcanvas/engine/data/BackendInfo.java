package org.neuralcanvas.engine.data;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What ND4J computes on, in words for the dashboard: "CPU (2 threads, OPENBLAS)" or "CUDA: NVIDIA H100".
 * A stop-gap until the engine's backend package reports the chosen build; the first call starts ND4J
 * (a second or two), so call it off the FX thread.
 */
public final class BackendInfo {

    private BackendInfo() {
    }

    public static String describe() {
        try {
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            String backend = String.valueOf(env.getOrDefault("backend", "CPU"));
            if (backend.toUpperCase().contains("CUDA")) {
                Object devices = env.get("cuda.devicesInformation");
                if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m) {
                    return "CUDA: " + m.get("cuda.deviceName");
                }
                return "CUDA";
            }
            Object threads = env.getOrDefault("omp.threads", env.getOrDefault("cores", Runtime.getRuntime().availableProcessors()));
            Object blas = env.get("blas.vendor");
            return "CPU (" + threads + " threads" + (blas == null ? "" : ", " + blas) + ")";
        } catch (RuntimeException | LinkageError e) {
            return "CPU";
        }
    }
}
