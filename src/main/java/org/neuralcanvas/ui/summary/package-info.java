/** The Keras-style summary table and the problems list. */
package org.neuralcanvas.ui.summary;
