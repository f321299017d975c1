/** The app's jobs without a window: summary, train, export. */
package org.neuralcanvas.cli;
