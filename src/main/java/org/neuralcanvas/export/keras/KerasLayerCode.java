package org.neuralcanvas.export.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.ParamSpec;

/**
 * One layer as a Keras constructor call, e.g. {@code layers.Dense(units=64, activation='relu', name='dense')}:
 * arguments Keras requires always, the others only where they differ from Keras's default.
 */
public final class KerasLayerCode {

    /** Arguments Keras has no default for, so they are always written. */
    private static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("Input", Set.of("shape")),
            Map.entry("Dense", Set.of("units")),
            Map.entry("Activation", Set.of("activation")),
            Map.entry("Dropout", Set.of("rate")),
            Map.entry("Reshape", Set.of("target_shape")),
            Map.entry("Embedding", Set.of("input_dim", "output_dim")),
            Map.entry("Conv1D", Set.of("filters", "kernel_size")),
            Map.entry("Conv2D", Set.of("filters", "kernel_size")),
            // Keras 3's average pooling has no default pool size (its max pooling does).
            Map.entry("AveragePooling1D", Set.of("pool_size")),
            Map.entry("AveragePooling2D", Set.of("pool_size")),
            Map.entry("SimpleRNN", Set.of("units")),
            Map.entry("LSTM", Set.of("units")));

    private KerasLayerCode() {
    }

    /** The constructor call, with the layer's name. */
    public static String constructor(LayerNode node) {
        LayerKind kind = node.kind();
        if (kind.isInput()) {
            return "keras.Input(shape=" + PythonSyntax.literal(node.params().get("shape")) + ", name="
                    + PythonSyntax.string(node.name()) + ")";
        }
        if (kind.kerasName().equals("Bidirectional")) {
            return bidirectional(node);
        }
        List<String> args = arguments(node, Set.of());
        args.add("name=" + PythonSyntax.string(node.name()));
        return "layers." + kind.kerasName() + "(" + String.join(", ", args) + ")";
    }

    /** Bidirectional wraps the recurrent layer it names; units and return_sequences belong to that layer. */
    private static String bidirectional(LayerNode node) {
        String inner = node.params().getString("layer");
        List<String> innerArgs = new ArrayList<>();
        innerArgs.add("units=" + PythonSyntax.literal(node.params().get("units")));
        if (Boolean.TRUE.equals(node.params().get("return_sequences"))) {
            innerArgs.add("return_sequences=True");
        }
        List<String> args = new ArrayList<>();
        args.add("layers." + inner + "(" + String.join(", ", innerArgs) + ")");
        args.addAll(arguments(node, Set.of("layer", "units", "return_sequences")));
        args.add("name=" + PythonSyntax.string(node.name()));
        return "layers.Bidirectional(" + String.join(", ", args) + ")";
    }

    private static List<String> arguments(LayerNode node, Set<String> skip) {
        Set<String> required = REQUIRED.getOrDefault(node.kind().kerasName(), Set.of());
        List<String> args = new ArrayList<>();
        for (ParamSpec spec : node.kind().params()) {
            if (skip.contains(spec.name())) {
                continue;
            }
            Object value = node.params().get(spec.name());
            if (required.contains(spec.name()) || !sameValue(value, spec.defaultValue())) {
                args.add(spec.name() + "=" + PythonSyntax.literal(value));
            }
        }
        return args;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
