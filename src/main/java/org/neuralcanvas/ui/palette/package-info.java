/** The layer palette: every catalog kind with its icon, grouped and searchable. */
package org.neuralcanvas.ui.palette;
