/** The bridge from the bundled datasets to training: a project's dataset choice becomes the engine's data, checked against the graph. */
package org.neuralcanvas.engine.data;
