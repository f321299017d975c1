package org.neuralcanvas.domain.layer;

/** Palette groups, in the order the palette shows them. */
public enum LayerCategory {
    CORE, CONVOLUTION, POOLING, RECURRENT, NORMALIZATION, MERGE
}
