package org.neuralcanvas.dataset.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.DatasetCatalog;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.SequenceSplit;

/** The stored word-index encoding of text datasets: reused while intact, rebuilt when not. */
class EncodedTextCacheTest {

    @TempDir
    Path root;

    private BundledDatasets datasets;
    private Path stored;

    @BeforeEach
    void copyReutersIntoAFreshCache() throws Exception {
        DatasetCache real = DatasetCache.atDefaultLocation();
        for (String name : real.filesOf("reuters")) {
            Path target = root.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(real.root().resolve(name), target);
        }
        datasets = new BundledDatasets(DatasetCatalog.standard(), new DatasetCache(root));
        stored = root.resolve("reuters").resolve(EncodedTextCache.FILE_NAME);
    }

    @Test
    void theFirstLoadStoresTheEncodingAndTheNextReusesItUnchanged() throws Exception {
        assertFalse(Files.exists(stored));
        RawDataset fresh = datasets.load("reuters");
        assertTrue(Files.exists(stored));
        RawDataset reused = datasets.load("reuters");
        assertSame(fresh, reused);
    }

    @Test
    void aDamagedStoredEncodingIsIgnoredAndRebuilt() throws Exception {
        RawDataset fresh = datasets.load("reuters");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(stored, bytes);
        assertTrue(EncodedTextCache.read(stored, "anything").isEmpty());

        RawDataset rebuilt = datasets.load("reuters");
        assertSame(fresh, rebuilt);
        assertEquals(bytes.length, Files.readAllBytes(stored).length);
        assertFalse(java.util.Arrays.equals(bytes, Files.readAllBytes(stored)), "rewritten intact");
    }

    @Test
    void anEncodingMadeFromOtherSourcesIsNotUsed() throws Exception {
        RawDataset fresh = datasets.load("reuters");
        assertTrue(EncodedTextCache.read(stored, "some other sources").isEmpty());
        assertEquals(fresh.vocabulary(), datasets.load("reuters").vocabulary());
    }

    private static void assertSame(RawDataset a, RawDataset b) {
        assertEquals(a.vocabulary(), b.vocabulary());
        for (SequenceSplit[] pair : new SequenceSplit[][] {
                {(SequenceSplit) a.train(), (SequenceSplit) b.train()},
                {(SequenceSplit) a.test(), (SequenceSplit) b.test()}}) {
            assertArrayEquals(pair[0].labels(), pair[1].labels());
            assertEquals(pair[0].count(), pair[1].count());
            for (int i = 0; i < pair[0].count(); i++) {
                assertArrayEquals(pair[0].sequences()[i], pair[1].sequences()[i]);
            }
        }
    }
}
