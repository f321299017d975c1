/** The File menu's export (diagram, Keras code) and Keras .h5 import, on top of the export and engine.keras packages. */
package org.neuralcanvas.ui.exchange;
