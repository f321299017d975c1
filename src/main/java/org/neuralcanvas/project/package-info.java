/** The saved document: graph, training settings, dataset choice and run history as versioned JSON, saved atomically. */
package org.neuralcanvas.project;
