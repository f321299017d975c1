/** A model diagram as data ({@code Diagram}), built from a graph and painted onto any Graphics2D (SVG or PNG). */
package org.neuralcanvas.export.diagram;
