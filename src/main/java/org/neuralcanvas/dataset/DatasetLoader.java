package org.neuralcanvas.dataset;

/** Reads one dataset from the cache (or generates it) into plain arrays. */
@FunctionalInterface
public interface DatasetLoader {

    RawDataset load(DatasetDescriptor descriptor, DatasetCache cache) throws DatasetException;
}
