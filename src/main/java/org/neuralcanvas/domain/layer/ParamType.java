package org.neuralcanvas.domain.layer;

/** The value types a layer parameter can take; each maps to one inspector editor. */
public enum ParamType {
    /** A whole number, stored as {@link Integer}. */
    INT,
    /** A real number, stored as {@link Double}. */
    FLOAT,
    /** {@code True}/{@code False}, stored as {@link Boolean}. */
    BOOL,
    /** One of a fixed list of strings, such as an activation or a padding mode. */
    CHOICE,
    /** A tuple of whole numbers such as {@code kernel_size=(3, 3)}, stored as {@code List<Integer>}. */
    INT_TUPLE,
    /** A weight regularizer such as {@code l2(0.001)}, stored as that text ({@link Regularizer}); None for none. */
    REGULARIZER
}
