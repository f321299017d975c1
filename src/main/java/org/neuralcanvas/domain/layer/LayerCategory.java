package org.neuralcanvas.domain.layer;

/** Palette groups, in the order the palette shows them; Keras's own grouping of its layers. */
public enum LayerCategory {
    CORE, CONVOLUTION, POOLING, RECURRENT, ATTENTION, NORMALIZATION, REGULARIZATION, ACTIVATION, RESHAPING, MERGE
}
