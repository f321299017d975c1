/** The network as data: layer kinds, the graph, shapes and undoable edits. Pure Java, no JavaFX or DL4J. */
package org.neuralcanvas.domain;
