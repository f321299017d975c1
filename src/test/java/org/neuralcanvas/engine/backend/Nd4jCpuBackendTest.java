package org.neuralcanvas.engine.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Loads the real ND4J once (a few seconds) after selection. */
class Nd4jCpuBackendTest {

    private static Backends backends;
    private static BackendSelection selection;

    @BeforeAll
    static void selectThenLoad() {
        backends = new Backends();
        selection = backends.ensureSelected(BackendKind.CPU);
    }

    @Test
    void nd4jRunsOnTheCpuWithTheBuildThisProcessorWasGiven() {
        BackendInfo info = backends.describe();
        assertEquals(BackendKind.CPU, info.kind());
        assertEquals(selection.cpuBuild().id(), info.build(), "the build libnd4j reports for itself");
        assertEquals(BackendHost.system().cpuInfo().modelName(), info.deviceName());
        assertEquals("OPENBLAS", info.blasVendor());
        assertTrue(info.blasThreads() >= 1 && info.cores() >= 1, info.summary());
        assertTrue(info.maxHeapBytes() > 0 && info.offHeapLimitBytes() > 0, info.summary());
        assertEquals(0, info.gpuMemoryBytes());
        assertTrue(info.summary().startsWith("CPU: "), info.summary());
    }

    @Test
    void theBuildIsTheBestOneThisProcessorRuns() {
        CpuInfo cpu = BackendHost.system().cpuInfo();
        if (System.getProperty(Backends.CPU_BUILD_PROPERTY) == null) {
            assertEquals(new Backends().bestShippedBuild(cpu), selection.cpuBuild());
        }
        assertTrue(selection.cpuBuild().runsOn(cpu.flags()));
    }

    @Test
    void theBuildThisProcessorGetsHasOneDnnAndIsToldApartFromAPlainOne() {
        assertTrue(selection.cpuBuild().hasOneDnn(), "the pom ships a oneDNN build for every x86-64 processor");
        assertTrue(Nd4jProbe.hasOneDnn("DEFAULT_ENGINE: samediff::ENGINE_CPU HAVE_FLATBUFFERS HAVE_ONEDNN HAVE_OPENBLAS"));
        assertFalse(Nd4jProbe.hasOneDnn("DEFAULT_ENGINE: samediff::ENGINE_CPU HAVE_FLATBUFFERS HAVE_OPENBLAS"));
        assertFalse(Nd4jProbe.hasOneDnn(null));
    }

    @Test
    void aSmallMatrixProductIsRight() {
        INDArray a = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray b = Nd4j.createFromArray(new float[][] {{7, 8}, {9, 10}, {11, 12}});
        INDArray c = a.mmul(b);
        assertEquals(DataType.FLOAT, c.dataType());
        assertArrayEquals(new float[][] {{58, 64}, {139, 154}}, c.toFloatMatrix());
    }

    @Test
    void aProductThroughOpenBlasMatchesTheSumOfProducts() {
        int n = 67;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n).subi(0.5);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n).subi(0.5);
        float[][] x = a.toFloatMatrix();
        float[][] y = b.toFloatMatrix();
        float[][] got = a.mmul(b).toFloatMatrix();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double want = 0;
                for (int k = 0; k < n; k++) {
                    want += (double) x[i][k] * y[k][j];
                }
                assertEquals(want, got[i][j], 1e-4, "element " + i + "," + j);
            }
        }
    }
}
