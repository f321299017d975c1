package org.neuralcanvas.dataset;

/**
 * One split (train or test) as the loaders read it, before any preprocessing: plain Java
 * arrays, so loaders need no ND4J and tests can inspect them directly.
 */
public sealed interface RawSplit permits DenseSplit, SequenceSplit {

    /** The number of examples. */
    int count();

    /** Class labels 0..C-1, one per example; null for regression. */
    int[] labels();

    /** Regression targets, one per example; null for classification. */
    float[] targets();
}
