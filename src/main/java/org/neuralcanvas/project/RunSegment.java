package org.neuralcanvas.project;

/**
 * A stretch of one run trained with the same settings: a run starts with one, and each pause whose changes (learning
 * rate, epochs, batch size, callbacks) were taken over on resume starts another. Kept with the run's record, so the
 * record says what each epoch was trained with.
 *
 * @param fromEpoch the epoch (as the log numbers it) whose batches first used these settings
 * @param fromBatch the first batch of that epoch trained with them (1: the epoch's start), in this segment's batch size
 * @param settings  the settings in force from there on
 */
public record RunSegment(int fromEpoch, int fromBatch, TrainingSettings settings) {
}
