package org.neuralcanvas.dataset.fetch;

/**
 * The dataset cache could not be filled. The message is one sentence for the user: what went wrong, naming
 * the address or file, and what to do.
 */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
