/** The reproducibility report's pieces: a run's curves as small SVG charts, and the escaping that keeps it XHTML. */
package org.neuralcanvas.export.report;
