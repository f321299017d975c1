package org.neuralcanvas.domain.layer;

import org.neuralcanvas.domain.text.Sentences;
import static org.neuralcanvas.domain.layer.ParamKeys.AXIS;
import static org.neuralcanvas.domain.layer.ParamSpec.intParam;

import java.util.List;
import org.neuralcanvas.domain.shape.TensorShape;

/** Declarations of the layers that join branches of a functional model. */
final class MergeLayers {
    private static final Sentences SAY = Sentences.DOMAIN;


    private MergeLayers() {
    }

    static final LayerKind ADD = elementWise("Add", "add").mark("+");
    static final LayerKind SUBTRACT = elementWise("Subtract", "subtract").mark("−");
    static final LayerKind MULTIPLY = elementWise("Multiply", "multiply").mark("×");
    static final LayerKind AVERAGE = elementWise("Average", "average").mark("avg");
    static final LayerKind MAXIMUM = elementWise("Maximum", "maximum").mark("max");

    static final LayerKind CONCATENATE = new LayerKind("Concatenate", "concatenate", LayerCategory.MERGE,
            // Only the last axis (channels-last): the shape rule says so in a sentence; the range keeps editors honest.
            List.of(intParam(AXIS, -1, -1, -1)), 2, LayerKind.UNBOUNDED,
            MergeLayers::concatenate,
            (in, out, p) -> ParamCount.NONE).mark("cat");

    static List<LayerKind> all() {
        return List.of(ADD, SUBTRACT, MULTIPLY, AVERAGE, MAXIMUM, CONCATENATE);
    }

    private static LayerKind elementWise(String keras, String base) {
        // Keras's Subtract takes exactly two inputs; the others any number from two.
        int max = "Subtract".equals(keras) ? 2 : LayerKind.UNBOUNDED;
        return new LayerKind(keras, base, LayerCategory.MERGE, List.of(), 2, max,
                (name, in, p) -> {
                    TensorShape first = in.get(0);
                    for (TensorShape other : in) {
                        if (!other.equals(first)) {
                            throw new ShapeException(SAY.say("merge.sameShape", name, keras, describe(in)));
                        }
                    }
                    return first;
                },
                (in, out, p) -> ParamCount.NONE);
    }

    /** Joins along the last axis (channels-last, Keras's default axis=-1); all other axes must match. */
    private static TensorShape concatenate(String name, List<TensorShape> in, LayerParams p) throws ShapeException {
        if (p.get(AXIS) != -1) {
            throw new ShapeException(SAY.say("merge.axis", name));
        }
        TensorShape first = in.get(0);
        int last = 0;
        for (TensorShape s : in) {
            if (s.rank() != first.rank() || !s.withLast(1).equals(first.withLast(1))) {
                throw new ShapeException(SAY.say("merge.concat", name, describe(in)));
            }
            last += s.last();
        }
        return first.withLast(last);
    }

    private static String describe(List<TensorShape> shapes) {
        // The joining word belongs to the sentence's language, as the sentence does.
        return String.join(SAY.say("merge.shapes.and"), shapes.stream().map(TensorShape::toString).toList());
    }
}
