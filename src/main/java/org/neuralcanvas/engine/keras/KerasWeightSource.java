package org.neuralcanvas.engine.keras;

import java.util.List;

/**
 * The weights a Keras file stores, layer by layer, in the order Keras keeps them (a Dense's kernel
 * then bias; an LSTM's kernel, recurrent kernel, bias; a Bidirectional's forward layer then its
 * backward layer). Each file layout has its own implementation; the mapping onto our layers
 * ({@link KerasWeightLayouts}) does not care which file it came from.
 */
interface KerasWeightSource {

    /** A file without readable weights. */
    KerasWeightSource NONE = (layer, maxElements) -> List.of();

    /**
     * @param maxElements the most values one array may hold; a larger one is refused before it is read
     * @return the layer's arrays; empty when the file stores none for it
     * @throws Hdf5Reader.BadDataset when an array is not a float array of a sane size
     */
    List<KerasArray> arraysOf(KerasLayerConfig layer, long maxElements) throws Hdf5Reader.BadDataset;
}
