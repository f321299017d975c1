package org.neuralcanvas.export.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.domain.layer.TimeDistribution;

/**
 * One layer as a Keras constructor call, e.g. {@code layers.Dense(units=64, activation='relu', name='dense')}:
 * arguments Keras requires always, the others only where they differ from Keras's default, both read from the
 * kind's declaration ({@link ParamSpec#keras()}).
 */
public final class KerasLayerCode {

    private KerasLayerCode() {
    }

    /** The constructor call, with the layer's name. */
    public static String constructor(LayerNode node) {
        LayerKind kind = node.kind();
        if (kind.isInput()) {
            return "keras.Input(shape=" + PythonSyntax.literal(node.params().get(ParamKeys.SHAPE)) + ", name="
                    + PythonSyntax.string(node.name()) + ")";
        }
        List<String> args = new ArrayList<>();
        if (kind.param(ParamKeys.LAYER.name()).isPresent()) {
            // A wrapper (Bidirectional): the layer it wraps comes first, with that layer's own arguments.
            args.add("layers." + node.params().get(ParamKeys.LAYER) + "(" + String.join(", ", arguments(node, true)) + ")");
        }
        args.addAll(arguments(node, false));
        String name = "name=" + PythonSyntax.string(node.name());
        if (TimeDistribution.isOn(node.params())) {
            // The wrapper carries the name; Keras names the layer inside itself.
            return "layers.TimeDistributed(layers." + kind.kerasName() + "(" + String.join(", ", args) + "), " + name + ")";
        }
        args.add(name);
        return "layers." + kind.kerasName() + "(" + String.join(", ", args) + ")";
    }

    /**
     * How the layer is called on its inputs' variables: on one tensor, on a list (the merges), or with Keras's
     * attention signature {@code (query, value[, key])}, where self-attention passes the query again as the value.
     */
    public static String call(LayerNode node, List<String> from) {
        if (node.kind().takesQueryAndValue()) {
            List<String> args = new ArrayList<>(from);
            if (args.size() == 1) {
                args.add(from.get(0));
            }
            return "(" + String.join(", ", args) + ")";
        }
        return from.size() == 1 && !node.kind().isMerge() ? "(" + from.get(0) + ")" : "([" + String.join(", ", from) + "])";
    }

    /** Whether keras.Sequential can hold it: not MultiHeadAttention, which needs its query passed twice. */
    public static boolean fitsSequential(LayerNode node) {
        return !node.kind().takesQueryAndValue();
    }

    /**
     * The declared arguments of the layer itself ({@code wrapped} false) or of the layer it wraps: those Keras
     * requires always, the others where they differ from Keras's default.
     */
    private static List<String> arguments(LayerNode node, boolean wrapped) {
        List<String> args = new ArrayList<>();
        for (ParamSpec spec : node.kind().params()) {
            if (spec.keras().ofWrapped() != wrapped || !spec.isLayerArgument()) {
                continue;
            }
            Object value = node.params().get(spec.name());
            if (spec.keras().required() || !sameValue(value, spec.defaultValue())) {
                args.add(spec.name() + "=" + literal(spec, value));
            }
        }
        return args;
    }

    /** A value as Python; a flat tuple Keras reads as pairs is written as pairs. */
    static String literal(ParamSpec spec, Object value) {
        if (spec.type() == org.neuralcanvas.domain.layer.ParamType.REGULARIZER && value instanceof String text) {
            var r = org.neuralcanvas.domain.layer.Regularizer.parse(text).orElseThrow();
            return r.l1() > 0 && r.l2() > 0 ? "keras.regularizers.L1L2(l1=" + r.l1() + ", l2=" + r.l2() + ")"
                    : "keras.regularizers." + r.kerasClass() + "(" + (r.l1() > 0 ? r.l1() : r.l2()) + ")";
        }
        if (spec.keras().inPairs() && value instanceof List<?> flat && flat.size() % 2 == 0) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < flat.size(); i += 2) {
                pairs.add(PythonSyntax.literal(List.of(flat.get(i), flat.get(i + 1))));
            }
            return "(" + String.join(", ", pairs) + ")";
        }
        return PythonSyntax.literal(value);
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
