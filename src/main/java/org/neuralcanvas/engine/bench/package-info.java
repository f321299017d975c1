/** Benchmarks: main classes that print figures (never timed tests). */
package org.neuralcanvas.engine.bench;
