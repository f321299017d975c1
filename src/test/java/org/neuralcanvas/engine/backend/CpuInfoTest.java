package org.neuralcanvas.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuInfoTest {

    /** Flags of real processors, trimmed to what matters plus some noise. */
    static final String ZEN4 = "fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2 avx512f avx512dq "
            + "avx512ifma avx512cd avx512bw avx512vl avx512_bf16 avx512vbmi";
    static final String SKYLAKE_X = "sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd "
            + "avx512bw avx512vl";
    static final String HASWELL = "sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi1 bmi2";
    static final String SANDY_BRIDGE = "sse sse2 ssse3 sse4_1 sse4_2 avx";
    /** Knights Landing: AVX-512 F and CD, but no BW, DQ or VL. */
    static final String KNIGHTS_LANDING = "sse sse2 fma avx avx2 avx512f avx512cd avx512er avx512pf";

    @Test
    void aProcessorWithTheAvx512SubsetsGetsTheAvx512OneDnnBuild() {
        assertEquals(CpuBuild.ONEDNN_AVX512, CpuInfo.bestBuildFor(CpuInfo.parseFlags(ZEN4)));
        assertEquals(CpuBuild.ONEDNN_AVX512, CpuInfo.bestBuildFor(CpuInfo.parseFlags(SKYLAKE_X)));
    }

    @Test
    void aProcessorWithAvx2AndFmaGetsTheAvx2OneDnnBuild() {
        assertEquals(CpuBuild.ONEDNN_AVX2, CpuInfo.bestBuildFor(CpuInfo.parseFlags(HASWELL)));
    }

    @Test
    void avx512FoundationWithoutBwDqVlIsNotEnoughForTheAvx512Build() {
        assertEquals(CpuBuild.ONEDNN_AVX2, CpuInfo.bestBuildFor(CpuInfo.parseFlags(KNIGHTS_LANDING)));
    }

    @Test
    void avxWithoutAvx2GetsTheGenericOneDnnBuild() {
        assertEquals(CpuBuild.ONEDNN, CpuInfo.bestBuildFor(CpuInfo.parseFlags(SANDY_BRIDGE)));
    }

    @Test
    void avx2WithoutFmaGetsTheGenericOneDnnBuild() {
        assertEquals(CpuBuild.ONEDNN, CpuInfo.bestBuildFor(CpuInfo.parseFlags("sse avx avx2")));
    }

    @Test
    void noFlagsAtAllGetTheGenericOneDnnBuild() {
        assertEquals(CpuBuild.ONEDNN, CpuInfo.bestBuildFor(CpuInfo.parseFlags("")));
        assertEquals(CpuBuild.ONEDNN, CpuInfo.unknown().bestBuild());
    }

    @Test
    void procCpuinfoGivesModelNameFlagsAndProcessorCount() {
        String text = """
                processor\t: 0
                vendor_id\t: AuthenticAMD
                model name\t: AMD EPYC 9R14
                flags\t\t: fpu AVX avx2 fma
                
                processor\t: 1
                model name\t: AMD EPYC 9R14
                flags\t\t: fpu avx avx2 fma
                """;
        CpuInfo info = CpuInfo.parse(text);
        assertEquals("AMD EPYC 9R14", info.modelName());
        assertEquals(2, info.logicalCpus());
        assertTrue(info.flags().contains("avx"), "flags are lower-cased");
        assertEquals(CpuBuild.ONEDNN_AVX2, info.bestBuild());
    }

    @Test
    void aFileWithoutModelNameOrFlagsDescribesAnUnknownGenericProcessor() {
        CpuInfo info = CpuInfo.parse("processor : 0\nBogoMIPS : 48.00\n");
        assertEquals(CpuInfo.UNKNOWN_MODEL, info.modelName());
        assertEquals(CpuBuild.ONEDNN, info.bestBuild());
    }

    @Test
    void buildsAreFoundByExtensionAndById() {
        assertEquals(CpuBuild.AVX512, CpuBuild.fromExtension("-avx512").orElseThrow());
        assertEquals(CpuBuild.GENERIC, CpuBuild.fromExtension("").orElseThrow());
        assertEquals(CpuBuild.AVX2, CpuBuild.fromId("AVX2").orElseThrow());
        assertEquals(CpuBuild.ONEDNN_AVX512, CpuBuild.fromExtension("-onednn-avx512").orElseThrow());
        assertEquals(CpuBuild.ONEDNN, CpuBuild.fromId("onednn").orElseThrow());
        assertTrue(CpuBuild.fromExtension("-cudnn").isEmpty());
    }

    @Test
    void eachOneDnnBuildPairsWithThePlainBuildOfItsInstructionSet() {
        assertEquals(CpuBuild.AVX512, CpuBuild.ONEDNN_AVX512.withOneDnn(false));
        assertEquals(CpuBuild.ONEDNN_AVX2, CpuBuild.AVX2.withOneDnn(true));
        assertEquals(CpuBuild.ONEDNN, CpuBuild.GENERIC.withOneDnn(true));
        assertEquals(CpuBuild.GENERIC, CpuBuild.GENERIC.withOneDnn(false));
        assertTrue(CpuBuild.ONEDNN_AVX2.hasOneDnn());
        assertFalse(CpuBuild.AVX512.hasOneDnn());
    }
}
