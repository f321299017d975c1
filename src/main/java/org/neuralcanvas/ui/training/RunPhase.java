package org.neuralcanvas.ui.training;

/** Where the dashboard's run is, as the buttons and progress bars see it. */
public enum RunPhase {
    /** Nothing running; Train is possible. */
    IDLE,
    /** Reading the dataset, compiling, starting ND4J. */
    PREPARING,
    RUNNING,
    PAUSED,
    /** Training ended; the test set is being evaluated. */
    EVALUATING;

    public boolean isActive() {
        return this != IDLE;
    }
}
