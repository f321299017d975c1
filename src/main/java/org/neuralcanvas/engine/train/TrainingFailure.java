package org.neuralcanvas.engine.train;

/** A run cannot go on; the message is the user's sentence (what is wrong, what to do). */
public class TrainingFailure extends RuntimeException {

    public TrainingFailure(String message) {
        super(message);
    }
}
