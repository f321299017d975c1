package org.neuralcanvas.engine.train;

/**
 * Receives a session's events, on the training thread, in order.
 *
 * <p>Listeners must be cheap and must never block: the engine does not wait for them beyond the
 * call, so a slow listener slows training. A UI copies the event into a buffer (a volatile field
 * or a concurrent queue) and repaints from it on its own timer. A listener may call
 * {@code pause()} or {@code stop()}; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface TrainingListener {

    void onEvent(TrainingEvent event);
}
