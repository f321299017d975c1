/** Shape inference, problems and the Keras-style summary. */
package org.neuralcanvas.domain.shape;
