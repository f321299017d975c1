package org.neuralcanvas.engine.backend;

import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Loads ND4J and reads what it runs on. The only class of this package that touches Nd4j. */
final class Nd4jProbe {

    private Nd4jProbe() {
    }

    static BackendInfo describe(BackendSelection selection, CpuInfo cpu) {
        Map<Object, Object> env = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean gpu = !"CPU".equalsIgnoreCase(String.valueOf(env.get(Nd4jEnvironment.BACKEND_KEY)));
        BackendKind kind = gpu ? BackendKind.GPU : BackendKind.CPU;

        String device = cpu.modelName();
        long gpuMemory = 0;
        String build;
        if (gpu) {
            build = "cuda";
            Object devices = env.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
            if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                Object name = first.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
                device = name == null ? "NVIDIA GPU" : name.toString();
                gpuMemory = asLong(first.get(Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY));
            } else {
                device = "NVIDIA GPU";
            }
        } else {
            build = loadedCpuBuild().id();
        }

        String notice = selection.notice();
        if (selection.planned() == BackendKind.GPU && kind == BackendKind.CPU) {
            notice = (notice + " " + BackendMessages.gpuFailedFallback()).trim();
        }
        if (kind == BackendKind.CPU && !build.equals(selection.cpuBuild().id())) {
            // JavaCPP falls back to the generic library when the chosen one fails to load.
            notice = (notice + " " + BackendMessages.buildDidNotLoad(selection.cpuBuild(),
                    CpuBuild.fromId(build).orElse(CpuBuild.GENERIC))).trim();
        }
        return new BackendInfo(kind, device, build,
                (int) asLong(env.get(Nd4jEnvironment.CPU_CORES_KEY)),
                Runtime.getRuntime().maxMemory(),
                Pointer.maxBytes(),
                Pointer.totalPhysicalBytes(),
                gpuMemory,
                String.valueOf(Nd4j.factory().blas().getBlasVendor()),
                Nd4j.factory().blas().getMaxThreads(),
                (int) asLong(env.get(Nd4jEnvironment.OMP_THREADS_KEY)),
                selection.nativeEnv(),
                notice);
    }

    /**
     * The build libnd4j reports for itself: its binary level (3 is AVX-512, 2 AVX2, anything else
     * generic) and whether its build information lists oneDNN.
     */
    static CpuBuild loadedCpuBuild() {
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        CpuBuild level = switch (ops.binaryLevel()) {
            case 3 -> CpuBuild.AVX512;
            case 2 -> CpuBuild.AVX2;
            default -> CpuBuild.GENERIC;
        };
        return level.withOneDnn(hasOneDnn(ops.buildInfo()));
    }

    /** Whether libnd4j's build information (its compile-time flags) names oneDNN. */
    static boolean hasOneDnn(String buildInfo) {
        return buildInfo != null && buildInfo.contains("HAVE_ONEDNN");
    }

    private static long asLong(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? 0 : Long.parseLong(o.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
