package org.neuralcanvas.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or missing cache file is reported with a sentence, never read. */
class DatasetCacheTest {

    @TempDir
    Path root;

    private DatasetCache cache;
    private BundledDatasets datasets;
    private DatasetDescriptor iris;

    @BeforeEach
    void copyIrisIntoAFreshCache() throws Exception {
        DatasetCache real = DatasetCache.atDefaultLocation();
        iris = DatasetCatalog.standard().get("iris");
        Path source = real.verifiedFile(iris, "iris.csv");
        Files.createDirectories(root.resolve("iris"));
        Files.copy(source, root.resolve("iris/iris.csv"));
        cache = new DatasetCache(root);
        datasets = new BundledDatasets(DatasetCatalog.standard(), cache);
    }

    @Test
    void anIntactCopyLoads() throws DatasetException {
        assertTrue(datasets.isReady("iris"));
        assertEquals(120, datasets.load("iris").train().count());
    }

    @Test
    void aFlippedByteIsReportedAsDamaged() throws IOException {
        Path file = root.resolve("iris/iris.csv");
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 1;
        Files.write(file, bytes);

        DatasetException e = assertThrows(DatasetException.class, () -> datasets.load("iris"));
        assertEquals(DatasetException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Run `mvn -B -ntp process-classes` (part of the set-up command `mvn -B -ntp verify`)"), e.getMessage());
        assertFalse(datasets.isReady("iris"));
    }

    @Test
    void aPartialDownloadIsReportedAsDamaged() throws IOException {
        Path file = root.resolve("iris/iris.csv");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        DatasetException e = assertThrows(DatasetException.class, () -> datasets.load("iris"));
        assertEquals(DatasetException.Reason.CORRUPT, e.reason());
    }

    @Test
    void aMissingDatasetSaysHowToFetchIt() {
        DatasetException e = assertThrows(DatasetException.class, () -> datasets.load("mnist"));
        assertEquals(DatasetException.Reason.NOT_IN_CACHE, e.reason());
        assertTrue(e.getMessage().startsWith("MNIST is not in the dataset cache"), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve("mnist").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B -ntp verify"), e.getMessage());
        assertFalse(datasets.isReady("mnist"));
    }

    @Test
    void syntheticDatasetsNeedNoCache() throws DatasetException {
        assertTrue(datasets.isReady("synthetic-linear"));
        assertEquals(1000, datasets.load("synthetic-linear").train().count());
    }

    @Test
    void theRootCanBeMovedByASystemProperty() {
        String before = System.getProperty(DatasetCache.ROOT_PROPERTY);
        try {
            System.setProperty(DatasetCache.ROOT_PROPERTY, root.toString());
            assertEquals(root.toAbsolutePath().normalize(), DatasetCache.atDefaultLocation().root());
        } finally {
            if (before == null) {
                System.clearProperty(DatasetCache.ROOT_PROPERTY);
            } else {
                System.setProperty(DatasetCache.ROOT_PROPERTY, before);
            }
        }
    }
}
