package org.neuralcanvas.export;

/** An export could not be saved; the message is the sentence the user reads. */
public class ExportException extends Exception {
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExportException(String message) {
        super(message);
    }
}
