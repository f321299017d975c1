package org.neuralcanvas.domain.layer;

/**
 * What a layer does with Keras's step mask, the record of which steps of a sequence are padding (made by
 * {@code Embedding(mask_zero=True)} or {@code Masking}). Keras 3 passes the mask along the layers that support it
 * and drops it at the first that does not; the layers that read it skip the padded steps ({@code MaskFlow} follows
 * it through a graph).
 */
public enum MaskUse {
    /** Keras 3 drops a mask here (Flatten, Conv1D, the merges): what follows sees every step. */
    DROPS,
    /** Computes step by step and keeps the mask for the layers after it (Dense, Dropout, the activations). */
    PASSES,
    /** Makes a mask: Masking always, Embedding when {@code mask_zero} is on. */
    MAKES,
    /** Skips the padded steps and ends the mask: a recurrent layer's last step, GlobalAveragePooling1D's mean. */
    READS,
    /** Skips the padded steps and keeps the mask: a recurrent layer returning its whole sequence. */
    READS_AND_PASSES,
    /** Keras would skip the padded steps here, and NeuralCanvas cannot yet: a mask reaching it is a problem. */
    CANNOT_READ;

    /** How the kind's use of the mask depends on the node's parameters (return_sequences, mask_zero, layer). */
    @FunctionalInterface
    public interface Rule {
        MaskUse of(LayerParams params);
    }
}
