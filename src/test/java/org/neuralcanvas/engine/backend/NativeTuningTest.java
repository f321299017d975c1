package org.neuralcanvas.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class NativeTuningTest {

    private static final Function<String, String> NO_PROPERTIES = key -> null;

    @Test
    void openBlasKernelsFollowTheProcessorFlags() {
        assertEquals("SkylakeX", NativeTuning.coreTypeFor(CpuInfo.parseFlags(CpuInfoTest.ZEN4)));
        assertEquals("Haswell", NativeTuning.coreTypeFor(CpuInfo.parseFlags(CpuInfoTest.HASWELL)));
        assertEquals("Haswell", NativeTuning.coreTypeFor(CpuInfo.parseFlags(CpuInfoTest.KNIGHTS_LANDING)));
        assertNull(NativeTuning.coreTypeFor(CpuInfo.parseFlags(CpuInfoTest.SANDY_BRIDGE)));
    }

    @Test
    void anEmptyEnvironmentGetsTheKernelAndPassiveWaiting() {
        Map<String, String> set = NativeTuning.variablesToSet(
                CpuInfo.parseFlags(CpuInfoTest.ZEN4), Map.of(), NO_PROPERTIES);
        assertEquals(Map.of("OPENBLAS_CORETYPE", "SkylakeX", "OMP_WAIT_POLICY", "PASSIVE",
                "OPENBLAS_THREAD_TIMEOUT", "4"), set);
    }

    @Test
    void variablesTheEnvironmentSetsAreLeftAlone() {
        Map<String, String> set = NativeTuning.variablesToSet(CpuInfo.parseFlags(CpuInfoTest.ZEN4),
                Map.of("OPENBLAS_CORETYPE", "Haswell", "OMP_WAIT_POLICY", "ACTIVE", "OPENBLAS_THREAD_TIMEOUT", "28"),
                NO_PROPERTIES);
        assertEquals(Map.of(), set);
    }

    @Test
    void systemPropertiesOverrideTheEnvironment() {
        Map<String, String> props = Map.of(NativeTuning.CORETYPE_PROPERTY, "auto",
                NativeTuning.WAIT_POLICY_PROPERTY, "PASSIVE", NativeTuning.THREAD_TIMEOUT_PROPERTY, "10");
        Map<String, String> set = NativeTuning.variablesToSet(CpuInfo.parseFlags(CpuInfoTest.ZEN4),
                Map.of("OPENBLAS_CORETYPE", "Haswell", "OMP_WAIT_POLICY", "ACTIVE", "OPENBLAS_THREAD_TIMEOUT", "28"),
                props::get);
        assertEquals(Map.of("OPENBLAS_CORETYPE", "SkylakeX", "OMP_WAIT_POLICY", "PASSIVE",
                "OPENBLAS_THREAD_TIMEOUT", "10"), set);
    }

    @Test
    void aProcessorWithoutAvx2KeepsOpenBlasDetection() {
        Map<String, String> set = NativeTuning.variablesToSet(
                CpuInfo.parseFlags(CpuInfoTest.SANDY_BRIDGE), Map.of(), NO_PROPERTIES);
        assertEquals(Map.of("OMP_WAIT_POLICY", "PASSIVE", "OPENBLAS_THREAD_TIMEOUT", "4"), set);
    }

    @Test
    void theWindowedAppLeavesOneCoreToTheWindowUnlessTheEnvironmentSaysOtherwise() {
        java.util.function.Function<String, String> app = k -> k.equals(NativeTuning.RESERVE_UI_CORE_PROPERTY) ? "true" : null;
        assertEquals("1", NativeTuning.variablesToSet(java.util.Set.of(), 2, Map.of(), app).get("OMP_NUM_THREADS"));
        assertEquals("7", NativeTuning.variablesToSet(java.util.Set.of(), 8, Map.of(), app).get("OMP_NUM_THREADS"));
        assertEquals(null, NativeTuning.variablesToSet(java.util.Set.of(), 1, Map.of(), app).get("OMP_NUM_THREADS"));
        assertEquals(null, NativeTuning.variablesToSet(java.util.Set.of(), 2, Map.of("OMP_NUM_THREADS", "2"), app)
                .get("OMP_NUM_THREADS"));
        assertEquals(null, NativeTuning.variablesToSet(java.util.Set.of(), 2, Map.of(), k -> null).get("OMP_NUM_THREADS"),
                "the command line and benchmarks use every core");
    }
}
