package org.neuralcanvas.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class BackendsTest {

    private static final String EXT = Backends.JAVACPP_EXTENSION_PROPERTY;
    private static final CpuBuild[] ALL = CpuBuild.values();
    /** What the pom's cpu profile ships: the three oneDNN builds and the plain generic one. */
    private static final CpuBuild[] SHIPPED = {CpuBuild.ONEDNN_AVX512, CpuBuild.ONEDNN_AVX2, CpuBuild.ONEDNN,
        CpuBuild.GENERIC};

    @Test
    void anAvx512ProcessorWithEveryBuildShippedLoadsTheAvx512OneDnnBuild() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        BackendSelection s = new Backends(host).ensureSelected();
        assertEquals(CpuBuild.ONEDNN_AVX512, s.cpuBuild());
        assertEquals("-onednn-avx512", host.properties.get(EXT));
        assertEquals(BackendKind.CPU, s.planned());
        assertFalse(s.hasNotice());
    }

    @Test
    void theWindowKeepsOneCoreButAUsersThreadCountWins() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        host.properties.put(NativeTuning.RESERVE_UI_CORE_PROPERTY, "true");
        new Backends(host).ensureSelected();
        assertEquals("3", host.env.get("OMP_NUM_THREADS"), "the fixture lists 4 logical CPUs: 3 for training");

        FakeHost chosen = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        chosen.properties.put(NativeTuning.RESERVE_UI_CORE_PROPERTY, "true");
        chosen.env.put("OMP_NUM_THREADS", "2");
        new Backends(chosen).ensureSelected();
        assertEquals("2", chosen.env.get("OMP_NUM_THREADS"));
    }

    @Test
    void anAvx2ProcessorIsNeverLeftToJavacppsDefaultOfTheAvx512Build() {
        FakeHost host = new FakeHost(CpuInfoTest.HASWELL).withCpuBackend(SHIPPED);
        new Backends(host).ensureSelected();
        assertEquals("-onednn-avx2", host.properties.get(EXT));
    }

    @Test
    void theShippedBuildsCoverEveryProcessor() {
        FakeHost old = new FakeHost(CpuInfoTest.SANDY_BRIDGE).withCpuBackend(SHIPPED);
        assertEquals(CpuBuild.ONEDNN, new Backends(old).ensureSelected().cpuBuild());
        assertEquals("-onednn", old.properties.get(EXT));
        FakeHost avx512 = new FakeHost(CpuInfoTest.SKYLAKE_X).withCpuBackend(SHIPPED);
        assertEquals(CpuBuild.ONEDNN_AVX512, new Backends(avx512).ensureSelected().cpuBuild());
    }

    @Test
    void dl4jMayCreateLayerHelpersOnTheCpuUnlessTheUserSaidOtherwise() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(SHIPPED);
        new Backends(host).ensureSelected();
        assertEquals("false", host.properties.get(OneDnnLayers.DL4J_HELPERS_DISABLE));

        FakeHost user = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(SHIPPED);
        user.properties.put(OneDnnLayers.DL4J_HELPERS_DISABLE, "true");
        new Backends(user).ensureSelected();
        assertEquals("true", user.properties.get(OneDnnLayers.DL4J_HELPERS_DISABLE));
    }

    @Test
    void anOldProcessorGetsTheGenericBuildSetExplicitly() {
        FakeHost host = new FakeHost(CpuInfoTest.SANDY_BRIDGE).withCpuBackend(CpuBuild.AVX512, CpuBuild.GENERIC);
        assertEquals(CpuBuild.GENERIC, new Backends(host).ensureSelected().cpuBuild());
        assertEquals("", host.properties.get(EXT), "empty, not unset: unset lets JavaCPP pick AVX-512");
    }

    @Test
    void aMissingBuildFallsBackToTheNextOneTheProcessorRuns() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(CpuBuild.AVX2, CpuBuild.GENERIC);
        assertEquals(CpuBuild.AVX2, new Backends(host).ensureSelected().cpuBuild());

        FakeHost genericOnly = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(CpuBuild.GENERIC);
        assertEquals(CpuBuild.GENERIC, new Backends(genericOnly).ensureSelected().cpuBuild());
    }

    @Test
    void selectingAgainKeepsTheFirstChoice() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        host.properties.put(EXT, "-avx2");
        BackendSelection first = new Backends(host).ensureSelected();
        BackendSelection second = new Backends(host).ensureSelected();
        assertEquals(CpuBuild.AVX2, first.cpuBuild());
        assertEquals(first, second);
        assertEquals("-avx2", host.properties.get(EXT));
    }

    @Test
    void aBuildTheProcessorCannotRunIsRefusedWithANotice() {
        FakeHost host = new FakeHost(CpuInfoTest.HASWELL).withCpuBackend(ALL);
        host.properties.put(EXT, "-avx512");
        BackendSelection s = new Backends(host).ensureSelected();
        assertEquals(CpuBuild.ONEDNN_AVX2, s.cpuBuild());
        assertEquals("-onednn-avx2", host.properties.get(EXT));
        assertEquals(BackendMessages.buildRefused("-avx512", CpuBuild.ONEDNN_AVX2), s.notice());
    }

    @Test
    void aForcedBuildIsUsedWhenTheProcessorRunsIt() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        host.properties.put(Backends.CPU_BUILD_PROPERTY, "generic");
        assertEquals(CpuBuild.GENERIC, new Backends(host).ensureSelected().cpuBuild());
        assertEquals("", host.properties.get(EXT));
    }

    @Test
    void askingForTheGpuInTheCpuBuildFallsBackToTheCpuWithASentence() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        BackendSelection s = new Backends(host).ensureSelected(BackendKind.GPU);
        assertEquals(BackendKind.GPU, s.requested());
        assertEquals(BackendKind.CPU, s.planned());
        assertEquals(BackendMessages.noGpuInBuild(), s.notice());
        assertEquals("-onednn-avx512", host.properties.get(EXT));
    }

    @Test
    void theGpuPreferenceCanComeFromASystemProperty() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        host.properties.put(Backends.BACKEND_PROPERTY, "cuda");
        assertEquals(BackendKind.GPU, new Backends(host).ensureSelected().requested());
    }

    @Test
    void askingForTheGpuWithoutAnNvidiaDriverFallsBackToTheCpu() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL).withCudaBackend();
        BackendSelection s = new Backends(host).ensureSelected(BackendKind.GPU);
        assertEquals(BackendKind.CPU, s.planned());
        assertEquals(BackendMessages.noDriverFallback(), s.notice());
    }

    @Test
    void askingForTheGpuWithCudaAndADriverPlansTheGpu() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL).withCudaBackend();
        host.nvidiaDriver = true;
        BackendSelection s = new Backends(host).ensureSelected(BackendKind.GPU);
        assertEquals(BackendKind.GPU, s.planned());
        assertFalse(s.hasNotice());
        assertFalse(host.properties.containsKey(OneDnnLayers.DL4J_HELPERS_DISABLE),
                "on the GPU DL4J would look for cuDNN helper classes that are not shipped");
    }

    @Test
    void aGpuNewerThanCuda116IsNamedInOneSentence() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(SHIPPED).withCudaBackend();
        host.nvidiaDriver = true;
        host.gpus = NvidiaGpu.parseQuery("NVIDIA H200, 9.0\n");
        BackendSelection s = new Backends(host).ensureSelected(BackendKind.GPU);
        assertEquals(BackendMessages.gpuTooNew(new NvidiaGpu("NVIDIA H200", "9.0")), s.notice());
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertTrue(BackendMessages.gpuTooNew(host.gpus.get(0)).startsWith(
                    "NVIDIA H200 (compute capability 9.0) is newer than the GPUs that CUDA 11.6"));
        } finally {
            Locale.setDefault(saved);
        }

        FakeHost ampere = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(SHIPPED).withCudaBackend();
        ampere.nvidiaDriver = true;
        ampere.gpus = NvidiaGpu.parseQuery("NVIDIA GeForce RTX 3090, 8.6\nTesla T4, 7.5\n");
        assertFalse(new Backends(ampere).ensureSelected(BackendKind.GPU).hasNotice());
        assertFalse(new NvidiaGpu("NVIDIA GeForce RTX 4090", "8.9").usableByCuda116());
        assertTrue(new NvidiaGpu("NVIDIA A100", "8.0").usableByCuda116());
        assertTrue(new NvidiaGpu("?", "[N/A]").usableByCuda116(), "unreadable: let CUDA try");
    }

    @Test
    void aCudaOnlyBuildWithoutADriverSaysItCannotTrain() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCudaBackend();
        BackendSelection s = new Backends(host).ensureSelected(BackendKind.GPU);
        assertEquals(BackendKind.GPU, s.planned());
        assertEquals(BackendMessages.noDriverAndNoCpu(), s.notice());
        assertFalse(host.properties.containsKey(EXT), "no CPU libraries to choose between");
    }

    @Test
    void aCudaOnlyBuildWithADriverUsesTheGpuEvenWhenTheCpuIsAsked() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCudaBackend();
        host.nvidiaDriver = true;
        BackendSelection s = new Backends(host).ensureSelected(BackendKind.CPU);
        assertEquals(BackendKind.GPU, s.planned());
        assertEquals(BackendMessages.onlyGpuInBuild(), s.notice());
    }

    @Test
    void noticesAreWholeSentencesInEnglishAndChinese() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertTrue(BackendMessages.noGpuInBuild().startsWith("This build of NeuralCanvas has no GPU support"));
            assertTrue(BackendMessages.noGpuInBuild().contains("'mvn -Pcuda'"));
            assertEquals("The CPU build \"avx512\" cannot run on this processor or is not installed, "
                    + "so NeuralCanvas uses the AVX2 build.", BackendMessages.buildRefused("avx512", CpuBuild.AVX2));
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertTrue(BackendMessages.noGpuInBuild().startsWith("此版本的 NeuralCanvas 不支持 GPU"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void selectionTunesOpenBlasAndOpenMpForTheProcessor() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        BackendSelection s = new Backends(host).ensureSelected();
        assertEquals("SkylakeX", host.env.get(NativeTuning.CORETYPE));
        assertEquals("PASSIVE", host.env.get(NativeTuning.WAIT_POLICY));
        assertEquals(host.env, s.nativeEnv());
    }

    @Test
    void anOpenBlasCoreTypeFromTheEnvironmentIsKept() {
        FakeHost host = new FakeHost(CpuInfoTest.ZEN4).withCpuBackend(ALL);
        host.env.put(NativeTuning.CORETYPE, "Haswell");
        new Backends(host).ensureSelected();
        assertEquals("Haswell", host.env.get(NativeTuning.CORETYPE));
    }
}
