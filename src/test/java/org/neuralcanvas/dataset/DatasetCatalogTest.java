package org.neuralcanvas.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DatasetCatalogTest {

    private final DatasetCatalog catalog = DatasetCatalog.standard();

    @Test
    void listsEveryDatasetOfTheIssueOnce() {
        List<String> ids = catalog.all().stream().map(DatasetDescriptor::id).toList();
        assertEquals(List.of("mnist", "fashion-mnist", "boston-housing", "imdb", "reuters", "iris", "breast-cancer",
                "wine", "digits", "synthetic-multiclass", "synthetic-linear", "synthetic-logistic",
                "synthetic-sequences"), ids);
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @Test
    void everyDatasetStatesItsSourceLicenceAndAtLeastOneLayout() {
        for (DatasetDescriptor d : catalog.all()) {
            assertFalse(d.source().isBlank(), d.id());
            assertFalse(d.licence().isBlank(), d.id());
            assertFalse(d.layouts().isEmpty(), d.id());
            assertTrue(d.trainCount() > 0 && d.testCount() > 0, d.id());
            assertEquals(d.task() == TaskKind.REGRESSION, d.numClasses() == 0, d.id());
            if (d.task() == TaskKind.BINARY) {
                assertEquals(2, d.numClasses(), d.id());
            }
        }
    }

    @Test
    void everyCachedDatasetHasChecksummedFilesAndSyntheticOnesHaveNone() {
        DatasetCache cache = DatasetCache.atDefaultLocation();
        for (DatasetDescriptor d : catalog.all()) {
            assertEquals(d.synthetic(), cache.filesOf(d.id()).isEmpty(), d.id());
        }
    }

    @Test
    void imagesAreOfferedChannelsLastAndFlat() throws DatasetException {
        DatasetDescriptor mnist = catalog.get("mnist");
        assertEquals(FeatureLayout.IMAGE, mnist.defaultLayout());
        assertArrayEquals(new int[] {28, 28, 1}, mnist.shape(FeatureLayout.IMAGE));
        assertArrayEquals(new int[] {784}, mnist.shape(FeatureLayout.FLAT));
        assertEquals("(None, 28, 28, 1)", mnist.kerasShape(FeatureLayout.IMAGE));
        assertEquals(10, mnist.numClasses());
    }

    @Test
    void anUnknownIdIsRejectedWithTheChoices() {
        DatasetException e = assertThrows(DatasetException.class, () -> catalog.get("cifar10"));
        assertEquals(DatasetException.Reason.UNKNOWN_DATASET, e.reason());
        assertTrue(e.getMessage().contains("mnist"), e.getMessage());
    }

    @Test
    void everyCachedDatasetIsReadyAfterTheBuildsFetchStep() {
        BundledDatasets datasets = Fixtures.datasets();
        Set<String> notReady = new HashSet<>();
        for (DatasetDescriptor d : catalog.all()) {
            if (!datasets.isReady(d.id())) {
                notReady.add(d.id());
            }
        }
        assertEquals(Set.of(), notReady, "run mvn -B -ntp process-classes (the build's fetch step)");
    }
}
