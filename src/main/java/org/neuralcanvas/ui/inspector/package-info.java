/** The inspector: the selected layer's name and parameters in a ControlsFX PropertySheet. */
package org.neuralcanvas.ui.inspector;
