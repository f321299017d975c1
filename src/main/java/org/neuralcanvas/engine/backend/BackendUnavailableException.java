package org.neuralcanvas.engine.backend;

/** No ND4J backend could start. The message is a sentence the UI can show as it is. */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
