package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.neuralcanvas.domain.shape.TensorShape;

/** DL4J's {@link InputType}s read back as the channels-last shapes the user sees. */
public final class Dl4jShapes {

    private Dl4jShapes() {
    }

    /**
     * As {@link #of(InputType)}, but a sequence whose length DL4J does not track (a Bidirectional
     * layer forgets it) takes the step count from {@code expected}.
     */
    public static TensorShape of(InputType type, TensorShape expected) {
        if (type instanceof InputType.InputTypeRecurrent rnn && rnn.getTimeSeriesLength() <= 0 && expected.rank() == 2) {
            return TensorShape.of(expected.dim(0), Math.toIntExact(rnn.getSize()));
        }
        return of(type);
    }

    public static TensorShape of(InputType type) {
        if (type instanceof InputType.InputTypeFeedForward ff) {
            return TensorShape.of(Math.toIntExact(ff.getSize()));
        }
        if (type instanceof InputType.InputTypeRecurrent rnn) {
            if (rnn.getFormat() != RNNFormat.NWC) {
                throw new IllegalStateException("Expected a channels-last sequence, got " + rnn);
            }
            return TensorShape.of(Math.toIntExact(rnn.getTimeSeriesLength()), Math.toIntExact(rnn.getSize()));
        }
        if (type instanceof InputType.InputTypeConvolutional cnn) {
            return TensorShape.of(Math.toIntExact(cnn.getHeight()), Math.toIntExact(cnn.getWidth()),
                    Math.toIntExact(cnn.getChannels()));
        }
        if (type instanceof InputType.InputTypeConvolutional3D clip) {
            // A sequence of images (steps, height, width, channels), between TimeDistributed layers.
            return TensorShape.of(Math.toIntExact(clip.getDepth()), Math.toIntExact(clip.getHeight()),
                    Math.toIntExact(clip.getWidth()), Math.toIntExact(clip.getChannels()));
        }
        throw new IllegalArgumentException("Unsupported DL4J input type " + type);
    }
}
