/**
 * Benchmarks run by hand, not by the test suite, that print figures: the machine's
 * matrix-multiply rate, a synthetic MLP epoch, and the engine's overhead over plain DL4J.
 */
package org.neuralcanvas.engine.bench;
