/**
 * Pure functions from a model to text or pixels (SVG diagram, PNG diagram, Keras Python code,
 * training-history CSV) and {@code ExportWriter}, which saves their output atomically.
 */
package org.neuralcanvas.export;
