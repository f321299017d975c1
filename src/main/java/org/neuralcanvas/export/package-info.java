/**
 * Pure functions from a model to text or pixels (SVG diagram, PNG diagram, Keras Python code,
 * training-history CSV, a run's self-contained HTML report) and {@code ExportWriter}, which saves their output
 * atomically.
 */
package org.neuralcanvas.export;
