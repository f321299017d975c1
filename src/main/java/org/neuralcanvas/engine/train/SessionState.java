package org.neuralcanvas.engine.train;

/** Where a training session is. */
public enum SessionState {
    /** Created, not yet started. */
    IDLE,
    RUNNING,
    PAUSED,
    /** Stopped by the user (or early stopping); model and history kept; may continue. */
    STOPPED,
    /** All epochs done; may continue. */
    FINISHED,
    /** Ended by an error (NaN loss, out of memory, bad data); the reason says what to do. */
    FAILED;

    public boolean isEnded() {
        return this == STOPPED || this == FINISHED || this == FAILED;
    }
}
