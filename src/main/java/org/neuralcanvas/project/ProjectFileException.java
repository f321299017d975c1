package org.neuralcanvas.project;

/** A project file cannot be opened. The message names the file and the problem, for the user. */
public class ProjectFileException extends Exception {
    public ProjectFileException(String message) {
        super(message);
    }

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
