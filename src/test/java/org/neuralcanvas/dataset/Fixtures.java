package org.neuralcanvas.dataset;

import java.util.HashMap;
import java.util.Map;

/**
 * Shared test access to the real datasets in the cache the build's fetch step filled (it runs
 * in process-classes, before the tests of the same {@code mvn verify}). Loaded datasets are
 * kept for the whole test run so each is read once.
 */
public final class Fixtures {

    private static final BundledDatasets DATASETS = BundledDatasets.standard();
    private static final Map<String, RawDataset> LOADED = new HashMap<>();

    private Fixtures() {
    }

    public static BundledDatasets datasets() {
        return DATASETS;
    }

    public static synchronized RawDataset raw(String id) throws DatasetException {
        RawDataset cached = LOADED.get(id);
        if (cached == null) {
            cached = DATASETS.load(id);
            LOADED.put(id, cached);
        }
        return cached;
    }

    public static DatasetDescriptor descriptor(String id) throws DatasetException {
        return DATASETS.catalog().get(id);
    }
}
