/**
 * Preprocessing the user chooses (scale, flatten or keep images, one-hot or integer labels,
 * multi-hot or padded text, standardise, validation split, K-fold) and the ND4J side: arrays
 * made once, then served to DL4J by a {@code DataSetIterator} in minibatches that are views
 * (in order) or small gathered copies (shuffled), never a second copy of the whole set.
 */
package org.neuralcanvas.dataset.prep;
