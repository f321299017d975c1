/**
 * Loaders that read each bundled dataset's real files from the cache (IDX images, the
 * scikit-learn CSV tables, the IMDB and Reuters JSON) into plain arrays, and the seeded
 * generators of the synthetic datasets.
 */
package org.neuralcanvas.dataset.source;
