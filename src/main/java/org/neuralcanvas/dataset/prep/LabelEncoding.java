package org.neuralcanvas.dataset.prep;

/** How class labels (or, for an autoencoder, the inputs) reach the loss. */
public enum LabelEncoding {
    /** One column per class, 1 at the true class: for categorical cross-entropy. */
    ONE_HOT,
    /** One column holding the class number (0/1 for binary): for sparse categorical or binary cross-entropy. */
    INTEGER,
    /**
     * No labels of the dataset's own: each example's target is its input, as Keras's {@code fit(x, x)} trains an
     * autoencoder. Pixel and table data only.
     */
    INPUTS
}
