/** The graph canvas: node and edge views adapting the domain graph, commands, clipboard. */
package org.neuralcanvas.ui.canvas;
