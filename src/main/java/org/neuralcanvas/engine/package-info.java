/**
 * The only home of DL4J: compiles a graph to a DL4J {@code ComputationGraph} ({@code compile}), trains it in the
 * background with live metrics ({@code train}), evaluates and predicts ({@code eval}), and saves and loads models
 * ({@code io}).
 */
package org.neuralcanvas.engine;
