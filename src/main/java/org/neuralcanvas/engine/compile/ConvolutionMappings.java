package org.neuralcanvas.engine.compile;

import static org.neuralcanvas.domain.layer.ParamKeys.ACTIVATION;
import static org.neuralcanvas.domain.layer.ParamKeys.DEPTH_MULTIPLIER;
import static org.neuralcanvas.domain.layer.ParamKeys.DILATION_RATE;
import static org.neuralcanvas.domain.layer.ParamKeys.FILTERS;
import static org.neuralcanvas.domain.layer.ParamKeys.KERNEL_SIZE;
import static org.neuralcanvas.domain.layer.ParamKeys.POOL_SIZE;
import static org.neuralcanvas.domain.layer.ParamKeys.STRIDES;
import static org.neuralcanvas.domain.layer.ParamKeys.USE_BIAS;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.activations.Activation;

/**
 * DL4J mappings of convolutions and poolings, all channels-last. No activation runs inside a convolution
 * (see {@link Dl4jLayers#activationAfter}).
 */
final class ConvolutionMappings {

    private ConvolutionMappings() {
    }

    static void register(Map<String, Dl4jMapping> m) {
        m.put("Conv2D", b -> {
            b.addLayer(new ConvolutionLayer.Builder(ints(b.param(KERNEL_SIZE))).stride(ints(b.param(STRIDES)))
                    .dilation(ints(b.param(DILATION_RATE))).nOut(b.param(FILTERS)).activation(Activation.IDENTITY).hasBias(b.param(USE_BIAS))
                    .convolutionMode(Dl4jLayers.mode(b.params())).dataFormat(CNN2DFormat.NHWC).build());
            return Dl4jLayers.activationAfter(b);
        });
        m.put("Conv1D", b -> {
            b.addLayer(new Convolution1DLayer.Builder().kernelSize(b.param(KERNEL_SIZE).get(0))
                    .stride(b.param(STRIDES).get(0)).dilation(b.param(DILATION_RATE).get(0)).nOut(b.param(FILTERS))
                    .activation(Activation.IDENTITY)
                    .hasBias(b.param(USE_BIAS)).convolutionMode(Dl4jLayers.mode(b.params()))
                    .rnnDataFormat(RNNFormat.NWC).build());
            return Dl4jLayers.activationAfter(b);
        });
        m.put("Conv2DTranspose", b -> {
            b.addLayer(new Deconvolution2D.Builder(ints(b.param(KERNEL_SIZE)), ints(b.param(STRIDES)))
                    .nOut(b.param(FILTERS)).activation(Activation.IDENTITY).hasBias(b.param(USE_BIAS))
                    .convolutionMode(Dl4jLayers.mode(b.params())).dataFormat(CNN2DFormat.NHWC).build());
            return Dl4jLayers.activationAfter(b);
        });
        m.put("SeparableConv2D", b -> {
            b.addLayer(new SeparableConvolution2D.Builder(ints(b.param(KERNEL_SIZE)), ints(b.param(STRIDES)))
                    .nOut(b.param(FILTERS)).depthMultiplier(b.param(DEPTH_MULTIPLIER)).activation(Activation.IDENTITY)
                    .hasBias(b.param(USE_BIAS)).convolutionMode(Dl4jLayers.mode(b.params()))
                    .dataFormat(CNN2DFormat.NHWC).build());
            return Dl4jLayers.activationAfter(b);
        });
        m.put("DepthwiseConv2D", b -> {
            int channels = b.inShape().last() * b.param(DEPTH_MULTIPLIER);
            b.addLayer(new DepthwiseConvolution2D.Builder(ints(b.param(KERNEL_SIZE)), ints(b.param(STRIDES)))
                    .depthMultiplier(b.param(DEPTH_MULTIPLIER)).nOut(channels).activation(Activation.IDENTITY)
                    .hasBias(b.param(USE_BIAS)).convolutionMode(Dl4jLayers.mode(b.params()))
                    .dataFormat(CNN2DFormat.NHWC).build());
            return Dl4jLayers.activationAfter(b);
        });
        m.put("MaxPooling2D", b -> b.addLayer(pooling2d(b, PoolingType.MAX)));
        m.put("AveragePooling2D", b -> b.addLayer(pooling2d(b, PoolingType.AVG)));
        m.put("MaxPooling1D", b -> pooling1d(b, PoolingType.MAX));
        m.put("AveragePooling1D", b -> pooling1d(b, PoolingType.AVG));
        m.put("GlobalAveragePooling2D", b -> b.addLayer(globalPooling(PoolingType.AVG)));
        m.put("GlobalMaxPooling2D", b -> b.addLayer(globalPooling(PoolingType.MAX)));
        m.put("GlobalAveragePooling1D", b -> {
            if (b.masked()) { // the mean over the steps that are not padding, as Keras's layer takes it
                b.graph().addVertex(b.name(), b.mask().as(StepMask.Use.AVERAGE), b.inputs()[0], b.mask().vertex());
                return Dl4jVertex.of(b.name());
            }
            return globalPooling1d(b, PoolingType.AVG);
        });
        m.put("GlobalMaxPooling1D", b -> globalPooling1d(b, PoolingType.MAX));
    }

    private static GlobalPoolingLayer globalPooling(PoolingType type) {
        return new GlobalPoolingLayer.Builder(type).poolingDimensions(1, 2).collapseDimensions(true).build();
    }

    /** DL4J pools sequences channels-first only: view (steps, features) as a (steps, 1, features) image. */
    private static Dl4jVertex globalPooling1d(NodeBuild b, PoolingType type) {
        TensorShape x = b.inShape();
        b.graph().addLayer(b.name(), globalPooling(type),
                new ChannelsLastReshape(Dl4jLayers.longs(x), new long[] {x.dim(0), 1, x.dim(1)}), b.inputs());
        return Dl4jVertex.of(b.name());
    }

    private static SubsamplingLayer pooling2d(NodeBuild b, PoolingType type) {
        List<Integer> pool = b.param(POOL_SIZE);
        List<Integer> strides = b.param(STRIDES) == null ? pool : b.param(STRIDES);
        return new SubsamplingLayer.Builder(type).kernelSize(ints(pool)).stride(ints(strides))
                .convolutionMode(Dl4jLayers.mode(b.params())).avgPoolIncludePadInDivisor(false)
                .dataFormat(CNN2DFormat.NHWC).build();
    }

    /** DL4J's Subsampling1DLayer reads channels-first only: pooled as a (steps, 1, features) image. */
    private static Dl4jVertex pooling1d(NodeBuild b, PoolingType type) {
        int pool = b.param(POOL_SIZE).get(0);
        int stride = b.param(STRIDES) == null ? pool : b.param(STRIDES).get(0);
        return Dl4jLayers.asImage(b, "pool2d", new SubsamplingLayer.Builder(type).kernelSize(pool, 1)
                .stride(stride, 1).convolutionMode(Dl4jLayers.mode(b.params())).avgPoolIncludePadInDivisor(false)
                .dataFormat(CNN2DFormat.NHWC).build());
    }

    static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
