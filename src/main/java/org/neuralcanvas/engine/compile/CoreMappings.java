package org.neuralcanvas.engine.compile;

import org.neuralcanvas.domain.layer.ParamKeys;
import static org.neuralcanvas.domain.layer.ParamKeys.ACTIVATION;
import static org.neuralcanvas.domain.layer.ParamKeys.ALPHA;
import static org.neuralcanvas.domain.layer.ParamKeys.CENTER;
import static org.neuralcanvas.domain.layer.ParamKeys.EPSILON;
import static org.neuralcanvas.domain.layer.ParamKeys.INPUT_DIM;
import static org.neuralcanvas.domain.layer.ParamKeys.MAX_VALUE;
import static org.neuralcanvas.domain.layer.ParamKeys.MOMENTUM;
import static org.neuralcanvas.domain.layer.ParamKeys.NEGATIVE_SLOPE;
import static org.neuralcanvas.domain.layer.ParamKeys.OFFSET;
import static org.neuralcanvas.domain.layer.ParamKeys.OUTPUT_DIM;
import static org.neuralcanvas.domain.layer.ParamKeys.RATE;
import static org.neuralcanvas.domain.layer.ParamKeys.SCALE;
import static org.neuralcanvas.domain.layer.ParamKeys.SCALE_FACTOR;
import static org.neuralcanvas.domain.layer.ParamKeys.SHARED_AXES;
import static org.neuralcanvas.domain.layer.ParamKeys.STDDEV;
import static org.neuralcanvas.domain.layer.ParamKeys.THRESHOLD;
import static org.neuralcanvas.domain.layer.ParamKeys.UNITS;
import static org.neuralcanvas.domain.layer.ParamKeys.USE_BIAS;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/** DL4J mappings of the core, activation and regularization layers. */
final class CoreMappings {

    private CoreMappings() {
    }

    static void register(Map<String, Dl4jMapping> m) {
        m.put("Dense", CoreMappings::dense);
        m.put("Activation", b -> b.addLayer(activationLayer(Dl4jLayers.activation(b.node(), b.param(ACTIVATION)))));
        m.put("Softmax", b -> b.addLayer(activationLayer(Activation.SOFTMAX.getActivationFunction())));
        m.put("LeakyReLU", b -> b.addLayer(activationLayer(new ActivationLReLU(b.param(NEGATIVE_SLOPE)))));
        m.put("ELU", b -> b.addLayer(activationLayer(new ActivationELU(b.param(ALPHA)))));
        // DL4J's ReLU takes (max value or null, threshold, slope below the threshold), as Keras's does.
        m.put("ReLU", b -> b.addLayer(activationLayer(new ActivationReLU(b.param(MAX_VALUE), b.param(THRESHOLD),
                b.param(NEGATIVE_SLOPE)))));
        m.put("PReLU", CoreMappings::prelu);
        m.put("Masking", b -> {
            b.graph().addVertex(b.name(), new StepMask(StepMask.Use.APPLY, b.param(ParamKeys.MASK_VALUE)), b.inputs());
            return Dl4jVertex.of(b.name());
        });
        m.put("Rescaling", b -> b.addLayer(activationLayer(new AffineActivation(b.param(SCALE_FACTOR), b.param(OFFSET)))));
        m.put("Dropout", b -> {
            double rate = b.param(RATE);
            // Keras's rate is the probability of dropping; DL4J's dropOut is the probability of keeping.
            return b.addLayer(rate > 0 ? new DropoutLayer.Builder(1.0 - rate).build() : identity());
        });
        m.put("SpatialDropout1D", CoreMappings::spatialDropout);
        m.put("SpatialDropout2D", CoreMappings::spatialDropout);
        m.put("GaussianNoise", b -> b.addLayer(b.param(STDDEV) > 0
                ? new DropoutLayer.Builder(new GaussianNoise(b.param(STDDEV))).build() : identity()));
        m.put("Flatten", CoreMappings::reshape);
        m.put("Reshape", CoreMappings::reshape);
        m.put("Embedding", b -> b.addLayer(new EmbeddingSequenceLayer.Builder().nIn(b.param(INPUT_DIM))
                .nOut(b.param(OUTPUT_DIM)).inputLength(b.inShape().dim(0)).hasBias(false)
                .outputDataFormat(RNNFormat.NWC).build()));
        m.put("BatchNormalization", CoreMappings::batchNormalization);
        m.put("LayerNormalization", b -> b.addLayer(new KerasLayerNormalization(b.param(EPSILON), b.param(CENTER),
                b.param(SCALE))));
    }

    /** Dense as our fast layer, or, at the end of the network, as DL4J's OutputLayer with the loss inside. */
    private static Dl4jVertex dense(NodeBuild b) {
        IActivation activation = Dl4jLayers.activation(b.node(), b.param(ACTIVATION));
        if (b.isOutput()) {
            b.graph().addLayer(b.name(), b.withWeightSettings(new OutputLayer.Builder().lossFunction(b.outputLoss())
                    .nOut(b.param(UNITS)).activation(activation).hasBias(b.param(USE_BIAS)).build()), b.inputs());
            return Dl4jVertex.output(b.name());
        }
        return b.addLayer(FastDense.of(b.param(UNITS), activation, b.param(USE_BIAS), b.inputGradientNeeded()));
    }

    private static Dl4jVertex reshape(NodeBuild b) {
        b.graph().addVertex(b.name(), new PreprocessorVertex(new ChannelsLastReshape(Dl4jLayers.longs(b.inShape()),
                Dl4jLayers.longs(b.outShape()))), b.inputs());
        return Dl4jVertex.of(b.name());
    }

    /**
     * Alpha has the input's shape with 1 along each shared axis; DL4J counts the axes from 1 as Keras does. DL4J's
     * PReLU overwrites its input in inference (as its ActivationLayer does, see {@link CopyingActivation}), so it
     * reads a copy: the layer before keeps its own values.
     */
    private static Dl4jVertex prelu(NodeBuild b) {
        PReLULayer.Builder prelu = new PReLULayer.Builder().inputShape(Dl4jLayers.longs(b.inShape()));
        List<Integer> shared = b.param(SHARED_AXES);
        if (shared != null) {
            prelu.sharedAxes(shared.stream().mapToLong(Integer::longValue).toArray());
        }
        String copy = b.name() + COPY_SUFFIX;
        b.graph().addLayer(copy, activationLayer(Activation.IDENTITY.getActivationFunction()), b.inputs());
        b.graph().addLayer(b.name(), b.withWeightSettings(prelu.build()), copy);
        return Dl4jVertex.of(b.name());
    }

    /** Suffix of the copy a layer that works in place reads instead of its input. */
    static final String COPY_SUFFIX = "__copy";

    private static Dl4jVertex spatialDropout(NodeBuild b) {
        double rate = b.param(RATE);
        return b.addLayer(rate > 0 ? new DropoutLayer.Builder(new ChannelsLastSpatialDropout(rate)).build() : identity());
    }

    private static Dl4jVertex batchNormalization(NodeBuild b) {
        if (!b.param(CENTER).equals(b.param(SCALE))) {
            throw new UnsupportedOperationException(b.name() + " (BatchNormalization) has center=" + b.param(CENTER)
                    + " and scale=" + b.param(SCALE) + "; DL4J learns both or neither. Set both to the same value.");
        }
        TensorShape in = b.inShape();
        BatchNormalization.Builder bn = new BatchNormalization.Builder().decay(b.param(MOMENTUM))
                .eps(b.param(EPSILON)).lockGammaBeta(!b.param(CENTER));
        if (in.rank() == 3) {
            bn.dataFormat(CNN2DFormat.NHWC);
        } else if (in.rank() == 2) {
            throw new UnsupportedOperationException(b.name() + " (BatchNormalization) on a sequence is not supported "
                    + "by DL4J. Move it after a Flatten or a recurrent layer without return_sequences.");
        }
        return b.addLayer(bn.build());
    }

    /** An activation as a layer of its own, which leaves its input as it was (see {@link CopyingActivation}). */
    static Layer activationLayer(IActivation activation) {
        return new CopyingActivation(activation);
    }

    private static Layer identity() {
        return new ActivationLayer.Builder().activation(Activation.IDENTITY).build();
    }
}
