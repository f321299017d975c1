package org.neuralcanvas.engine.compile;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How our masked recurrent layers take Keras's step mask off their input, where {@link StepMask.Use#APPEND} put
 * it as the last feature, and hand a gradient back in the input's shape. A padded step leaves the state as it was:
 * state = old + m ⊙ (new − old), m the step's column of the mask.
 */
final class MaskedSteps {

    private MaskedSteps() {
    }

    /** Whether the input still carries the mask: a masked layer's input has one feature more than its weights read. */
    static boolean carriesMask(INDArray input, long features) {
        return input != null && input.rank() == 3 && input.size(2) == features + 1;
    }

    /**
     * The mask, [batch, steps], from the input's last feature, and the input without it, [batch, steps, features].
     * Both outside DL4J's workspaces: the layer keeps them from its forward pass to its backward one, by when the
     * working memory they would be made in has been reused.
     */
    static INDArray[] split(INDArray input) {
        try (var ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            long last = input.size(2) - 1;
            INDArray mask = input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(last)).dup('c');
            INDArray features = input.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, last))
                    .dup('c');
            return new INDArray[] {mask, features};
        }
    }

    /** Step t's column of the mask, [batch, 1]. */
    static INDArray at(INDArray mask, int t) {
        return mask.getColumn(t, true);
    }

    /** The state after step t: the new one where the step holds data, the old one where it is padding. */
    static INDArray keep(INDArray old, INDArray fresh, INDArray m) {
        return old.add(fresh.sub(old).muliColumnVector(m));
    }

    /** The gradient of the features with a zero for the mask, in the shape of the input the layer was given. */
    static INDArray withMaskGradient(INDArray dLdx) {
        return Nd4j.concat(2, dLdx, Nd4j.zeros(dLdx.dataType(), dLdx.size(0), dLdx.size(1), 1));
    }
}
