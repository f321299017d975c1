package org.neuralcanvas.engine.train;

/** What the labels are: one of several classes, yes/no, or numbers. Chooses metrics and evaluation. */
public enum TaskKind {
    /** One class of several; labels one-hot (or class indices with sparse_categorical_crossentropy). */
    MULTICLASS,
    /** Yes/no (or several independent yes/no labels); labels 0 or 1. */
    BINARY,
    /** Numbers. */
    REGRESSION
}
