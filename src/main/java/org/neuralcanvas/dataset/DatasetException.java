package org.neuralcanvas.dataset;

/**
 * A dataset could not be loaded or prepared. The message is a sentence for the user: what is
 * wrong and what to do about it; the reason lets callers react without parsing it.
 */
public final class DatasetException extends Exception {

    /** Why it failed. */
    public enum Reason {
        /** No dataset with that id in the catalog. */
        UNKNOWN_DATASET,
        /** The dataset's files are not in the cache: the set-up fetch has not run. */
        NOT_IN_CACHE,
        /** A cached file does not match its SHA-256: partial or corrupted download. */
        CORRUPT,
        /** A file is there and intact but could not be read or parsed. */
        UNREADABLE,
        /** The preprocessing options do not fit this dataset. */
        INVALID_OPTIONS
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public DatasetException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DatasetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
