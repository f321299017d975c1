package org.neuralcanvas.domain.layer;

/** Number of weights of a layer, split as Keras's summary splits them. */
public record ParamCount(long trainable, long nonTrainable) {

    public static final ParamCount NONE = new ParamCount(0, 0);

    public static ParamCount trainable(long n) {
        return new ParamCount(n, 0);
    }

    public long total() {
        return trainable + nonTrainable;
    }

    public ParamCount plus(ParamCount other) {
        return new ParamCount(trainable + other.trainable, nonTrainable + other.nonTrainable);
    }
}
