package org.neuralcanvas.ui.document;

/**
 * Something that may hold the open project in place (a run that trains for it). It may take time to let go (a run
 * stops between two batches and is recorded): then it answers false and runs {@code retry} once it has.
 */
@FunctionalInterface
public interface ReplaceGuard {

    boolean mayReplace(Runnable retry);
}
