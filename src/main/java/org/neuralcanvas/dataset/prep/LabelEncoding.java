package org.neuralcanvas.dataset.prep;

/** How class labels reach the loss. */
public enum LabelEncoding {
    /** One column per class, 1 at the true class: for categorical cross-entropy. */
    ONE_HOT,
    /** One column holding the class number (0/1 for binary): for sparse categorical or binary cross-entropy. */
    INTEGER
}
