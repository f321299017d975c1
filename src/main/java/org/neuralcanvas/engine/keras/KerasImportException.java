package org.neuralcanvas.engine.keras;

/** A Keras file cannot be opened; the message is the sentence the user reads. */
public class KerasImportException extends Exception {
    public KerasImportException(String message) {
        super(message);
    }

    public KerasImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
