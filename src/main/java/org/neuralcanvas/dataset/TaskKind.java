package org.neuralcanvas.dataset;

/** What a dataset's target is, which decides the output layer and loss that fit it. */
public enum TaskKind {
    /** One of N classes: softmax output, (sparse) categorical cross-entropy. */
    MULTICLASS,
    /** One of two classes: one sigmoid output, binary cross-entropy. */
    BINARY,
    /** A real number: linear output, mean squared error. */
    REGRESSION
}
