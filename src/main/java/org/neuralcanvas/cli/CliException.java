package org.neuralcanvas.cli;

/** A command cannot do its job; the message is what the user reads. */
public class CliException extends Exception {
    public CliException(String message) {
        super(message);
    }
}
