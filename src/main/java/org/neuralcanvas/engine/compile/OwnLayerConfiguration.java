package org.neuralcanvas.engine.compile;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;

/**
 * What our layers on DL4J's SameDiff-layer extension point share ({@link FusedLstm}, {@link KerasGru},
 * {@link KerasLayerNormalization}): they take channels-last data as it comes (no preprocessor DL4J would insert)
 * and keep their parameters in row-major order, as Keras stores them.
 */
abstract class OwnLayerConfiguration extends SameDiffLayer {

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public char paramReshapeOrder(String param) {
        return 'c';
    }
}
