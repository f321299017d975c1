/** Benchmarks of dataset loading, run by hand as mains; timing never lives in tests. */
package org.neuralcanvas.dataset.bench;
