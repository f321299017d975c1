package org.neuralcanvas.dataset.prep;

/** Where validation data comes from during training. */
public enum ValidationMode {
    /** No validation. */
    NONE,
    /**
     * Keras's {@code validation_split}: the LAST fraction of the training set, taken before any
     * shuffling, is held out; the model never trains on it.
     */
    FROM_END_OF_TRAINING,
    /** Keras's {@code validation_data=(x_test, y_test)}: the held-out test set validates. */
    TEST_SET
}
