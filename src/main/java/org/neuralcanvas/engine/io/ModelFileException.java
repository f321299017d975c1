package org.neuralcanvas.engine.io;

/** A model file cannot be read; the message is the user's sentence. */
public class ModelFileException extends Exception {

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
