package org.neuralcanvas.engine.backend;

/**
 * The sentences the user may read about the backend: what happened and what to do. The UI
 * shows them as they are; they are English here and can move to the resource bundles when
 * the UI wires them.
 */
final class BackendMessages {

    static final String NO_GPU_IN_BUILD =
            "This build of NeuralCanvas has no GPU support, so it trains on the CPU. "
            + "To train on an NVIDIA GPU, use the CUDA build (built with 'mvn -Pcuda'; "
            + "it needs CUDA 11.6 and cuDNN 8.3).";

    static final String NO_DRIVER_FALLBACK =
            "No NVIDIA GPU driver was found, so NeuralCanvas trains on the CPU. "
            + "To train on the GPU, install the NVIDIA driver with CUDA 11.6 and restart.";

    static final String NO_DRIVER_AND_NO_CPU =
            "No NVIDIA GPU driver was found and this build of NeuralCanvas has only the GPU "
            + "backend, so it cannot train. Install the NVIDIA driver with CUDA 11.6, "
            + "or use the standard (CPU) build.";

    static final String ONLY_GPU_IN_BUILD =
            "This build of NeuralCanvas has only the GPU backend, so it trains on the GPU.";

    static final String GPU_WINS_WHEN_PRESENT =
            "This build of NeuralCanvas trains on the GPU whenever one works. To train on the "
            + "CPU, start it with the environment variable BACKEND_PRIORITY_GPU=0.";

    static final String NOTHING_LOADED =
            "The maths library (ND4J) could not start, so NeuralCanvas cannot train. "
            + "The log file has the details.";

    static final String GPU_FAILED_FALLBACK =
            "The GPU could not be started, so NeuralCanvas trains on the CPU. "
            + "Check that the NVIDIA driver supports CUDA 11.6; the log file has the details.";

    private BackendMessages() {
    }

    static String buildDidNotLoad(CpuBuild chosen, CpuBuild loaded) {
        return "The " + chosen.displayName() + " build of the maths library could not be loaded, "
                + "so NeuralCanvas uses the " + loaded.displayName() + " build, which may be slower. "
                + "Reinstalling NeuralCanvas may fix this; the log file has the details.";
    }

    static String buildRefused(String asked, CpuBuild used) {
        return "The CPU build \"" + asked + "\" cannot run on this processor or is not installed, "
                + "so NeuralCanvas uses the " + used.displayName() + " build.";
    }
}
