/** The main window, its view model, file actions, autosave and the composition root (AppContext). */
package org.neuralcanvas.ui.main;
