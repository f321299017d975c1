/** Top-to-bottom layered layout of a model with Eclipse ELK, shared by the canvas and the SVG export. */
package org.neuralcanvas.export.layout;
