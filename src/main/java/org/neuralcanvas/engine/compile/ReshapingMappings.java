package org.neuralcanvas.engine.compile;

import static org.neuralcanvas.domain.layer.ParamKeys.CROPPING;
import static org.neuralcanvas.domain.layer.ParamKeys.DIMS;
import static org.neuralcanvas.domain.layer.ParamKeys.LENGTH_FACTOR;
import static org.neuralcanvas.domain.layer.ParamKeys.N;
import static org.neuralcanvas.domain.layer.ParamKeys.PADDING_SIZE;
import static org.neuralcanvas.domain.layer.ParamKeys.SIZE;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;

/**
 * DL4J mappings of padding, cropping, up-sampling and RepeatVector. DL4J's 1-D versions read channels-first
 * sequences only, so a (steps, features) sequence is handled as a (steps, 1, features) image by the 2-D layer.
 */
final class ReshapingMappings {

    private ReshapingMappings() {
    }

    static void register(Map<String, Dl4jMapping> m) {
        m.put("ZeroPadding2D", b -> b.addLayer(new ZeroPaddingLayer.Builder(ConvolutionMappings.ints(b.param(PADDING_SIZE)))
                .dataFormat(CNN2DFormat.NHWC).build()));
        m.put("ZeroPadding1D", b -> Dl4jLayers.asImage(b, "pad2d", new ZeroPaddingLayer.Builder(
                steps(b.param(PADDING_SIZE))).dataFormat(CNN2DFormat.NHWC).build()));
        m.put("Cropping2D", b -> b.addLayer(new Cropping2D.Builder(ConvolutionMappings.ints(b.param(CROPPING)))
                .dataFormat(CNN2DFormat.NHWC).build()));
        m.put("Cropping1D", b -> Dl4jLayers.asImage(b, "crop2d", new Cropping2D.Builder(steps(b.param(CROPPING)))
                .dataFormat(CNN2DFormat.NHWC).build()));
        m.put("UpSampling2D", b -> b.addLayer(new Upsampling2D.Builder().size(ConvolutionMappings.ints(b.param(SIZE)))
                .dataFormat(CNN2DFormat.NHWC).build()));
        m.put("UpSampling1D", b -> Dl4jLayers.asImage(b, "up2d", new Upsampling2D.Builder()
                .size(new int[] {b.param(LENGTH_FACTOR), 1}).dataFormat(CNN2DFormat.NHWC).build()));
        m.put("Permute", b -> {
            int[] dims = b.param(DIMS).stream().mapToInt(Integer::intValue).toArray();
            b.graph().addVertex(b.name(), new PreprocessorVertex(new ChannelsLastPermute(dims,
                    Dl4jLayers.longs(b.outShape()))), b.inputs());
            return Dl4jVertex.of(b.name());
        });
        m.put("RepeatVector", b -> b.addLayer(new RepeatVector.Builder(b.param(N)).dataFormat(RNNFormat.NWC).build()));
    }

    /** (before, after) along the steps as (top, bottom, left, right) of the (steps, 1) image. */
    private static int[] steps(List<Integer> beforeAfter) {
        return new int[] {beforeAfter.get(0), beforeAfter.get(1), 0, 0};
    }
}
