package org.neuralcanvas.domain.layer;

import static org.neuralcanvas.domain.layer.ParamKeys.TIME_DISTRIBUTED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;

/**
 * Keras's {@code TimeDistributed(layer)}: the same layer, with one set of weights, applied to every step of a
 * sequence, e.g. a Conv2D to each frame of a (steps, height, width, channels) clip. Here it is a switch on the
 * layer ({@code time_distributed}) rather than a kind of its own, so that any kind that declares the switch can be
 * distributed, with its own parameters, shape rule and weight count applied to one step.
 */
public final class TimeDistribution {
    private static final Sentences SAY = Sentences.DOMAIN;

    private TimeDistribution() {
    }

    /** The switch, for the kinds that may be distributed over steps. */
    static ParamSpec param() {
        return ParamSpec.boolParam(TIME_DISTRIBUTED, false);
    }

    public static boolean isOn(LayerParams p) {
        return p.has(TIME_DISTRIBUTED.name()) && Boolean.TRUE.equals(p.get(TIME_DISTRIBUTED.name()));
    }

    /** Each input without its first axis (the steps); an input without steps is the user's sentence. */
    public static List<TensorShape> oneStep(String layer, List<TensorShape> inputs) throws ShapeException {
        List<TensorShape> out = new ArrayList<>();
        for (TensorShape in : inputs) {
            if (in.rank() < 2) {
                throw new ShapeException(SAY.say("timeDistributed.rank", layer, in.toString()));
            }
            out.add(stepOf(in));
        }
        return out;
    }

    /** One step of a (checked) sequence's shape: without its first axis. */
    public static TensorShape stepOf(TensorShape sequence) {
        return TensorShape.of(Arrays.copyOfRange(sequence.dims(), 1, sequence.rank()));
    }

    /** One step's output with the steps in front again. */
    public static TensorShape withSteps(int steps, TensorShape oneStep) {
        int[] dims = new int[oneStep.rank() + 1];
        dims[0] = steps;
        System.arraycopy(oneStep.dims(), 0, dims, 1, oneStep.rank());
        return TensorShape.of(dims);
    }
}
