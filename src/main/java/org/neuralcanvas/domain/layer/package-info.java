/** One declaration per layer kind, in Keras terms, read by every view and the compiler. */
package org.neuralcanvas.domain.layer;
