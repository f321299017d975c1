package org.neuralcanvas.domain.layer;

/**
 * A layer cannot take the shape it is given. The message is the sentence the user reads:
 * what is wrong and what to do, naming the layer.
 */
public class ShapeException extends Exception {
    public ShapeException(String message) {
        super(message);
    }
}
