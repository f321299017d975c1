/**
 * Keras {@code .h5} import: the file's {@code model_config} becomes an editable graph (through
 * {@code ModelBuilder}), and DL4J's Keras import supplies the trained network where it can.
 * Files are opened read-only and no code from a file is ever run.
 */
package org.neuralcanvas.engine.keras;
