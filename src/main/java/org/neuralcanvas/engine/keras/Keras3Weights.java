package org.neuralcanvas.engine.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weights as Keras 3 writes {@code model.weights.h5} inside a {@code .keras} zip: each layer of the
 * model's layer list under {@code layers/<snake_case class name>} (with {@code _1}, {@code _2}... for
 * the second and later layer of a class), its own arrays in {@code vars/0..n} and those of its
 * sub-objects below it ({@code lstm/cell/vars/0..2}, {@code bidirectional/forward_layer/cell/vars}).
 * Keras 2.13's early {@code .keras} files used {@code _layer_checkpoint_dependencies} for {@code layers}.
 */
final class Keras3Weights implements KerasWeightSource {

    private final Hdf5Reader h5;
    private final Map<String, String> pathOfLayer = new HashMap<>();

    Keras3Weights(Hdf5Reader h5, KerasModelConfig config) {
        this.h5 = h5;
        String top = h5.isGroup("layers") || !h5.isGroup("_layer_checkpoint_dependencies")
                ? "layers" : "_layer_checkpoint_dependencies";
        Map<String, Integer> used = new HashMap<>();
        for (KerasLayerConfig layer : config.layers()) {
            String snake = snakeCase(layer.className());
            int seen = used.merge(snake, 1, Integer::sum) - 1;
            pathOfLayer.put(layer.name(), top + "/" + (seen == 0 ? snake : snake + "_" + seen));
        }
    }

    @Override
    public List<KerasArray> arraysOf(KerasLayerConfig layer, long maxElements) throws Hdf5Reader.BadDataset {
        String path = pathOfLayer.get(layer.name());
        List<KerasArray> arrays = new ArrayList<>();
        if (path != null && h5.isGroup(path)) {
            collect(path, layer.className(), maxElements, arrays);
        }
        return arrays;
    }

    /** The group's own vars in index order, then its sub-objects' (a Bidirectional's forward layer before its backward). */
    private void collect(String path, String className, long maxElements, List<KerasArray> out)
            throws Hdf5Reader.BadDataset {
        String vars = path + "/vars";
        if (h5.isGroup(vars)) {
            List<String> names = h5.children(vars);
            for (int i = 0; i < names.size(); i++) {
                if (!h5.isDataset(vars + "/" + i)) {
                    throw new Hdf5Reader.BadDataset(vars + " lacks its array " + i);
                }
                out.add(h5.floats(vars + "/" + i, maxElements));
            }
        }
        List<String> children = new ArrayList<>(h5.children(path));
        children.remove("vars");
        if (className.equals("Bidirectional")) {
            children.sort((a, b) -> Boolean.compare(!a.startsWith("forward"), !b.startsWith("forward")));
        } else {
            children.sort(String::compareTo);
        }
        for (String child : children) {
            if (h5.isGroup(path + "/" + child)) {
                collect(path + "/" + child, "", maxElements, out);
            }
        }
    }

    /** Keras's naming.to_snake_case: Conv2D → conv2d, BatchNormalization → batch_normalization, SimpleRNN → simple_rnn. */
    static String snakeCase(String className) {
        String s = className.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
