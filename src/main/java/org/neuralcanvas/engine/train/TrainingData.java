package org.neuralcanvas.engine.train;

import java.util.Objects;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The data of one run, as the dataset package delivers it: ND4J iterators of channels-last
 * features ([n, features], [n, steps, features] or [n, height, width, channels]) and labels
 * (one-hot, class indices for sparse_categorical_crossentropy, 0/1 or numbers).
 * The session reads each iterator once, at the start of the run, into memory: the bundled
 * datasets fit, and this is what makes shuffling, Keras's validation_split and seeded runs exact.
 *
 * @param train      training data (required)
 * @param validation validation data, or null: then the settings' validation_split is used, if any
 * @param test       test data for evaluation after training, or null
 * @param descriptor what the labels mean
 */
public record TrainingData(DataSetIterator train, DataSetIterator validation, DataSetIterator test,
                           DataDescriptor descriptor) {

    public TrainingData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(descriptor, "descriptor");
    }
}
