/** After training: Keras's {@code evaluate} on the test set (loss, metrics, confusion matrix, per-class scores, R²). */
package org.neuralcanvas.engine.eval;
