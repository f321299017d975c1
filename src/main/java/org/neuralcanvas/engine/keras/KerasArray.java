package org.neuralcanvas.engine.keras;

import java.util.Arrays;

/**
 * One weight array of a Keras file, as stored: row-major values and the shape Keras gives it
 * (a Dense kernel is {@code [inputs, units]}, a Conv2D kernel {@code [height, width, in, filters]}).
 *
 * @param name where it was read from, for messages
 */
record KerasArray(String name, long[] shape, float[] values) {

    int rank() {
        return shape.length;
    }

    long dim(int axis) {
        return shape[axis];
    }

    String shapeText() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }

    boolean hasShape(long... expected) {
        return Arrays.equals(shape, expected);
    }
}
