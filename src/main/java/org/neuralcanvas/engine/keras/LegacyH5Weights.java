package org.neuralcanvas.engine.keras;

import java.util.ArrayList;
import java.util.List;

/**
 * Weights as Keras 1, 2 and 3 write them into an {@code .h5} model: group {@code model_weights/<layer>},
 * whose attribute {@code weight_names} lists the layer's arrays in order, each stored at that path
 * inside the group ({@code dense_1/kernel:0}, {@code lstm/lstm_cell/kernel:0}, {@code dense_1_W}).
 */
final class LegacyH5Weights implements KerasWeightSource {

    private final Hdf5Reader h5;
    private final String root;

    LegacyH5Weights(Hdf5Reader h5) {
        this.h5 = h5;
        // model.save writes model_weights; the oldest Keras 1 files kept the layer groups at the root.
        this.root = h5.isGroup("model_weights") ? "model_weights" : "";
    }

    @Override
    public List<KerasArray> arraysOf(KerasLayerConfig layer, long maxElements) throws Hdf5Reader.BadDataset {
        String group = root.isEmpty() ? layer.name() : root + "/" + layer.name();
        if (!h5.isGroup(group)) {
            return List.of();
        }
        List<KerasArray> arrays = new ArrayList<>();
        for (String weight : h5.texts(group, "weight_names")) {
            String path = group + "/" + weight;
            if (!h5.isDataset(path)) {
                throw new Hdf5Reader.BadDataset(layer.name() + " lists the weight " + weight + ", which the file lacks");
            }
            arrays.add(h5.floats(path, maxElements));
        }
        return arrays;
    }
}
