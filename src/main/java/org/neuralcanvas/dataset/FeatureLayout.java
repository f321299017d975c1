package org.neuralcanvas.dataset;

/**
 * How one example's features are laid out for the network's input. A dataset offers one or
 * more; the user picks one in the preprocessing options. Shapes are Keras's, without the batch
 * dimension, channels-last for images and (timesteps, features) for sequences.
 */
public enum FeatureLayout {
    /** A flat vector, e.g. (784) for MNIST or (13) for Boston housing: Dense input. */
    FLAT,
    /** Height, width, channels, e.g. (28, 28, 1): Conv2D input. */
    IMAGE,
    /** Word indices padded or truncated to a fixed length, e.g. (200): Embedding input. */
    TOKEN_INDICES,
    /** One 0/1 slot per vocabulary word, e.g. (10000): Dense input for text. */
    MULTI_HOT,
    /** Timesteps of feature vectors, e.g. (8, 16): LSTM/GRU input. */
    TIME_STEPS
}
