/**
 * Training in the background: {@code TrainingSession} runs epochs on its own thread on an immutable
 * snapshot of graph, settings and data, and emits small immutable {@code TrainingEvent}s.
 */
package org.neuralcanvas.engine.train;
