/**
 * Benchmarks run by hand, not by the test suite: the machine's matrix-multiply rate and a
 * synthetic MLP epoch, used to choose and check the backend settings.
 */
package org.neuralcanvas.engine.bench;
