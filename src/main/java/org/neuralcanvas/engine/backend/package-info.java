/**
 * Which ND4J backend runs, chosen before ND4J loads (CPU build from the processor's flags,
 * OpenBLAS and OpenMP tuning, GPU with a fallback to the CPU) and reported after it loads;
 * entry point {@link org.neuralcanvas.engine.backend.Backends}.
 */
package org.neuralcanvas.engine.backend;
