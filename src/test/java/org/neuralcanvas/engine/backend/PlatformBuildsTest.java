package org.neuralcanvas.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Each platform's CPU flags, read the way its OS offers them, and the build chosen among the ones that
 * platform's profile ships (the pom's OS profiles: x86-64 with oneDNN builds, ARM with the plain one only).
 */
class PlatformBuildsTest {

    /** What the windows-x86_64 and macosx-x86_64 profiles ship. */
    private static final CpuBuild[] WINDOWS_OR_MAC = {CpuBuild.ONEDNN_AVX2, CpuBuild.ONEDNN, CpuBuild.GENERIC};

    /** sysctl on a 2019 Intel MacBook Pro (Coffee Lake: AVX2, no AVX-512), trimmed. */
    static final String MAC_COFFEE_LAKE = """
            Intel(R) Core(TM) i9-9980HK CPU @ 2.40GHz
            FPU VME DE SSE SSE2 SSE3 PCLMULQDQ SSSE3 FMA CX16 SSE4.1 SSE4.2 MOVBE POPCNT AES XSAVE OSXSAVE AVX1.0 RDRAND F16C
            RDWRFSGS BMI1 HLE AVX2 SMEP BMI2 ERMS INVPCID RTM RDSEED ADX SMAP CLFSOPT
            """;
    /** sysctl on a 2019 Mac Pro (Cascade Lake Xeon W: AVX-512 with the subsets libnd4j asks for), trimmed. */
    static final String MAC_XEON_W = """
            Intel(R) Xeon(R) W-3245 CPU @ 3.20GHz
            FPU SSE SSE2 SSE3 SSSE3 FMA SSE4.1 SSE4.2 POPCNT AES XSAVE OSXSAVE AVX1.0 F16C
            BMI1 AVX2 BMI2 AVX512F AVX512DQ RDSEED ADX AVX512CD AVX512BW AVX512VL AVX512VNNI
            """;

    private static CpuBuild chosen(FakeHost host) {
        return new Backends(host).ensureSelected().cpuBuild();
    }

    @Test
    void macSysctlFlagsAreReadInLinuxNames() {
        CpuInfo mac = OsCpuInfo.fromMacSysctl(MAC_COFFEE_LAKE);
        assertEquals("Intel(R) Core(TM) i9-9980HK CPU @ 2.40GHz", mac.modelName());
        assertTrue(mac.flags().containsAll(Set.of("avx", "avx2", "fma", "sse4_1")), mac.flags().toString());
        assertEquals(CpuBuild.ONEDNN_AVX2, mac.bestBuild());
        assertEquals(CpuBuild.ONEDNN_AVX512, OsCpuInfo.fromMacSysctl(MAC_XEON_W).bestBuild());
    }

    @Test
    void anAvx512MacGetsTheBestBuildItsProfileShipsWhichIsAvx2WithOneDnn() {
        FakeHost host = new FakeHost("macosx-x86_64", OsCpuInfo.fromMacSysctl(MAC_XEON_W)).withCpuBackend(WINDOWS_OR_MAC);
        assertEquals(CpuBuild.ONEDNN_AVX2, chosen(host));
        assertEquals("-onednn-avx2", host.properties.get(Backends.JAVACPP_EXTENSION_PROPERTY));
    }

    @Test
    void anUnreadableSysctlGivesTheGenericOneDnnBuild() {
        FakeHost host = new FakeHost("macosx-x86_64", OsCpuInfo.fromMacSysctl("")).withCpuBackend(WINDOWS_OR_MAC);
        assertEquals(CpuBuild.ONEDNN, chosen(host));
    }

    @Test
    void windowsWithAvx2GetsTheAvx2OneDnnBuild() {
        CpuInfo cpu = OsCpuInfo.fromWindowsFeatures("Intel64 Family 6 Model 158", true, true, false);
        assertEquals(Set.of("avx", "avx2", "fma"), cpu.flags());
        FakeHost host = new FakeHost("windows-x86_64", cpu).withCpuBackend(WINDOWS_OR_MAC);
        assertEquals(CpuBuild.ONEDNN_AVX2, chosen(host));
        assertEquals("-onednn-avx2", host.properties.get(Backends.JAVACPP_EXTENSION_PROPERTY));
    }

    @Test
    void windowsNeverGetsAnAvx512BuildBecauseItCannotTellTheSubsets() {
        CpuInfo cpu = OsCpuInfo.fromWindowsFeatures("AMD64 Family 25", true, true, true);
        FakeHost host = new FakeHost("windows-x86_64", cpu).withCpuBackend(CpuBuild.values());
        assertEquals(CpuBuild.ONEDNN_AVX2, chosen(host));
    }

    @Test
    void windowsThatAnswersNoToEveryQuestionGetsTheGenericOneDnnBuild() {
        CpuInfo cpu = OsCpuInfo.fromWindowsFeatures(null, false, true, true); // AVX2 without AVX is not believed
        assertEquals(Set.of(), cpu.flags());
        assertEquals(CpuBuild.ONEDNN, chosen(new FakeHost("windows-x86_64", cpu).withCpuBackend(WINDOWS_OR_MAC)));
    }

    @Test
    void armHasOneBuildAndSaysSo() {
        for (String platform : new String[] {"linux-arm64", "macosx-arm64"}) {
            FakeHost host = new FakeHost(platform, new CpuInfo("Neoverse-N1", Set.of(), 4)).withCpuBackend(CpuBuild.GENERIC);
            BackendSelection s = new Backends(host).ensureSelected();
            assertEquals(CpuBuild.GENERIC, s.cpuBuild(), platform);
            assertEquals("", host.properties.get(Backends.JAVACPP_EXTENSION_PROPERTY), platform);
            assertEquals(platform + " has one CPU build, generic", s.reason(), platform);
        }
    }

    @Test
    void armFlagsAreNotTakenForX86Ones() {
        assertEquals(Set.of(), OsCpuInfo.read("macosx-arm64").flags());
        assertEquals(Set.of(), OsCpuInfo.read("linux-arm64").flags());
    }
}
