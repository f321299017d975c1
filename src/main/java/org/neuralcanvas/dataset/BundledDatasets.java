package org.neuralcanvas.dataset;

import org.neuralcanvas.dataset.prep.PreparedDataset;
import org.neuralcanvas.dataset.prep.PreprocessingOptions;
import org.neuralcanvas.dataset.prep.Preprocessor;

/**
 * The one door to the datasets for the rest of the app: list them, ask whether one is ready,
 * load it, or load and prepare it for training. Blocking (reads files, fills ND4J arrays):
 * call it off the JavaFX thread.
 */
public final class BundledDatasets {

    private final DatasetCatalog catalog;
    private final DatasetCache cache;
    private final Preprocessor preprocessor = new Preprocessor();

    public BundledDatasets(DatasetCatalog catalog, DatasetCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    /** The standard catalog over the default cache location. */
    public static BundledDatasets standard() {
        return new BundledDatasets(DatasetCatalog.standard(), DatasetCache.atDefaultLocation());
    }

    public DatasetCatalog catalog() {
        return catalog;
    }

    public DatasetCache cache() {
        return cache;
    }

    /** True when the dataset can be loaded now: synthetic, or all its files verified in the cache. */
    public boolean isReady(String id) {
        return catalog.find(id).map(d -> d.synthetic() || cache.isReady(d)).orElse(false);
    }

    /** Reads (or generates) the dataset into plain arrays, after checking its files' SHA-256. */
    public RawDataset load(String id) throws DatasetException {
        DatasetDescriptor d = catalog.get(id);
        return catalog.loaderFor(d).load(d, cache);
    }

    /** Applies the options to a dataset already loaded (the user's own). */
    public PreparedDataset prepare(RawDataset raw, PreprocessingOptions options) throws DatasetException {
        return preprocessor.prepare(raw, options);
    }

    /** Loads the dataset and applies the options: the arrays and iterators training uses. */
    public PreparedDataset prepare(String id, PreprocessingOptions options) throws DatasetException {
        return preprocessor.prepare(load(id), options);
    }
}
