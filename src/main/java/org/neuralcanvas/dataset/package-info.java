/**
 * The bundled datasets: a catalog the UI lists and the engine checks shapes against, a
 * checksummed on-disk cache that the build fills, loaders that read it into plain arrays, and
 * preprocessing that turns those into ND4J arrays and {@code DataSetIterator}s.
 */
package org.neuralcanvas.dataset;
