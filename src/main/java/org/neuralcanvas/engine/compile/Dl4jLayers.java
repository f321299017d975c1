package org.neuralcanvas.engine.compile;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/**
 * One Keras layer kind → DL4J vertices. Each method adds the vertices of one node to the builder and
 * returns the name of the vertex whose activations are the node's output (the node's own name,
 * except that helpers such as a 1-D pooling's reshapes get {@code name__suffix} names).
 * Output layers are not made here: {@link Dl4jCompiler} turns the last Dense into an OutputLayer.
 */
final class Dl4jLayers {

    /** Suffix of the vertex that applies a convolution's activation (see {@link #activationAfter}). */
    static final String ACTIVATION_SUFFIX = "__activation";

    private Dl4jLayers() {
    }

    /**
     * Adds the node's vertices; throws {@link UnsupportedOperationException} with the user's sentence when it cannot.
     *
     * @param inputGradientNeeded false when the node's only input is a network input that feeds nothing else: no
     *        gradient needs to flow further back than this node
     */
    static String add(GraphBuilder gb, NodeResult r, String[] in, boolean inputGradientNeeded) {
        LayerNode node = r.node();
        String name = node.name();
        LayerParams p = node.params();
        TensorShape inShape = r.inputShapes().isEmpty() ? null : r.inputShapes().get(0);
        switch (node.kind().kerasName()) {
            case "Dense" -> gb.addLayer(name, FastDense.of(p.getInt("units"), activation(node, p.getString("activation")),
                    p.getBool("use_bias"), inputGradientNeeded), in);
            case "Activation" -> gb.addLayer(name, new ActivationLayer.Builder()
                    .activation(activation(node, p.getString("activation"))).build(), in);
            case "Softmax" -> gb.addLayer(name, new ActivationLayer.Builder().activation(Activation.SOFTMAX).build(), in);
            case "Dropout" -> {
                double rate = p.getDouble("rate");
                // Keras's rate is the probability of dropping; DL4J's dropOut is the probability of keeping.
                gb.addLayer(name, rate > 0 ? new DropoutLayer.Builder(1.0 - rate).build()
                        : new ActivationLayer.Builder().activation(Activation.IDENTITY).build(), in);
            }
            case "Flatten", "Reshape" -> gb.addVertex(name,
                    new PreprocessorVertex(new ChannelsLastReshape(longs(inShape), longs(r.outputShape()))), in);
            case "Embedding" -> gb.addLayer(name, new EmbeddingSequenceLayer.Builder().nIn(p.getInt("input_dim"))
                    .nOut(p.getInt("output_dim")).inputLength(inShape.dim(0)).hasBias(false)
                    .outputDataFormat(RNNFormat.NWC).build(), in);
            case "BatchNormalization" -> gb.addLayer(name, batchNormalization(node, inShape), in);
            case "Conv2D" -> {
                gb.addLayer(name, new ConvolutionLayer.Builder(ints(p.getTuple("kernel_size")))
                        .stride(ints(p.getTuple("strides"))).nOut(p.getInt("filters"))
                        .activation(Activation.IDENTITY).hasBias(p.getBool("use_bias"))
                        .convolutionMode(mode(p)).dataFormat(CNN2DFormat.NHWC).build(), in);
                return activationAfter(gb, node, name);
            }
            case "Conv1D" -> {
                gb.addLayer(name, new Convolution1DLayer.Builder().kernelSize(p.getTuple("kernel_size").get(0))
                        .stride(p.getTuple("strides").get(0)).nOut(p.getInt("filters"))
                        .activation(Activation.IDENTITY).hasBias(p.getBool("use_bias"))
                        .convolutionMode(mode(p)).rnnDataFormat(RNNFormat.NWC).build(), in);
                return activationAfter(gb, node, name);
            }
            case "MaxPooling2D", "AveragePooling2D" -> gb.addLayer(name, pooling2d(p, poolingType(node)), in);
            case "MaxPooling1D", "AveragePooling1D" -> {
                return pooling1d(gb, r, in);
            }
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> gb.addLayer(name, globalPooling(node), in);
            case "GlobalAveragePooling1D", "GlobalMaxPooling1D" -> gb.addLayer(name, globalPooling(node),
                    // DL4J pools sequences channels-first only: view (steps, features) as a (steps, 1, features) image.
                    new ChannelsLastReshape(longs(inShape), new long[] {inShape.dim(0), 1, inShape.dim(1)}), in);
            case "LSTM" -> gb.addLayer(name, lstm(node), in);
            case "SimpleRNN" -> gb.addLayer(name, lastStepUnless(p, recurrent(node, node.kind().kerasName(),
                    p.getInt("units"), p.getString("activation"))), in);
            case "Bidirectional" -> {
                // The last step of each direction, as Keras takes it: the backward half's is its state after the
                // whole reversed sequence. (A last step of the merged sequences would take the backward half after
                // reading one step only.)
                Layer cell = lastStepUnless(p, recurrent(node, p.getString("layer"), p.getInt("units"), "tanh"));
                gb.addLayer(name, new Bidirectional(mergeMode(p.getString("merge_mode")), cell), in);
            }
            case "Add" -> gb.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), in);
            case "Subtract" -> gb.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Subtract), in);
            case "Multiply" -> gb.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Product), in);
            case "Average" -> gb.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Average), in);
            case "Maximum" -> gb.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Max), in);
            case "Concatenate" -> {
                MergeVertex merge = new MergeVertex();
                // Channels-last: the last axis is 1 for vectors, 2 for [b, steps, f], 3 for [b, h, w, c].
                merge.setMergeAxis(inShape.rank());
                gb.addVertex(name, merge, in);
            }
            default -> throw new UnsupportedOperationException(name + " (" + node.kind().kerasName()
                    + ") has no DL4J counterpart yet. Replace it with another layer.");
        }
        return name;
    }

    /**
     * A convolution's activation, as a vertex of its own after the convolution (which keeps the node's name and its
     * weights). DL4J 1.0.0-M2.1's convolution with a oneDNN helper and a ReLU inside computes wrong weight
     * gradients (the parity test showed differences as large as the gradients themselves; tanh inside was right,
     * ReLU in its own vertex is exact), so no activation runs inside a convolution. Linear needs no vertex.
     */
    private static String activationAfter(GraphBuilder gb, LayerNode node, String conv) {
        String kerasName = node.params().getString("activation");
        IActivation a = activation(node, kerasName);
        if ("linear".equals(kerasName)) {
            return conv;
        }
        String vertex = conv + ACTIVATION_SUFFIX;
        gb.addLayer(vertex, new ActivationLayer.Builder().activation(a).build(), conv);
        return vertex;
    }

    /**
     * Fixes what DL4J's configuration pass gets wrong: it sets an EmbeddingSequenceLayer's nIn (the
     * vocabulary size) to the sequence length of its input, and it gives the global settings (weight
     * initialisation, updater, gradient clipping) to a Bidirectional's halves but not to the recurrent
     * layer inside a half that is a LastTimeStep — {@code defaults} applies them to that layer.
     */
    static void afterBuild(ComputationGraphConfiguration conf, List<NodeResult> order,
                           org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder defaults) {
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex v && v.getLayerConf().getLayer() instanceof Bidirectional b) {
                for (Layer half : List.of(b.getFwd(), b.getBwd())) {
                    if (half instanceof LastTimeStep last) {
                        defaults.clone().layer(last.getUnderlying()).build();
                    }
                }
            }
        }
        for (NodeResult r : order) {
            if ("Embedding".equals(r.node().kind().kerasName())
                    && conf.getVertices().get(r.node().name()) instanceof LayerVertex v
                    && v.getLayerConf().getLayer() instanceof EmbeddingSequenceLayer e) {
                e.setNIn(r.node().params().getInt("input_dim"));
            }
        }
    }

    static IActivation activation(LayerNode node, String kerasName) {
        IActivation a = Dl4jActivations.function(kerasName);
        if (a == null) {
            throw new UnsupportedOperationException(node.name() + " uses the activation '" + kerasName
                    + "', which DL4J does not offer. Choose another activation.");
        }
        return a;
    }

    private static Layer batchNormalization(LayerNode node, TensorShape in) {
        LayerParams p = node.params();
        if (p.getBool("center") != p.getBool("scale")) {
            throw new UnsupportedOperationException(node.name() + " (BatchNormalization) has center=" + p.getBool("center")
                    + " and scale=" + p.getBool("scale") + "; DL4J learns both or neither. Set both to the same value.");
        }
        BatchNormalization.Builder b = new BatchNormalization.Builder().decay(p.getDouble("momentum"))
                .eps(p.getDouble("epsilon")).lockGammaBeta(!p.getBool("center"));
        if (in.rank() == 3) {
            b.dataFormat(CNN2DFormat.NHWC);
        } else if (in.rank() == 2) {
            throw new UnsupportedOperationException(node.name() + " (BatchNormalization) on a sequence is not supported "
                    + "by DL4J. Move it after a Flatten or a recurrent layer without return_sequences.");
        }
        return b.build();
    }

    private static GlobalPoolingLayer globalPooling(LayerNode node) {
        return new GlobalPoolingLayer.Builder(poolingType(node)).poolingDimensions(1, 2).collapseDimensions(true).build();
    }

    private static SubsamplingLayer pooling2d(LayerParams p, PoolingType type) {
        List<Integer> pool = p.getTuple("pool_size");
        List<Integer> strides = p.get("strides") == null ? pool : p.getTuple("strides");
        return new SubsamplingLayer.Builder(type).kernelSize(ints(pool)).stride(ints(strides))
                .convolutionMode(mode(p)).avgPoolIncludePadInDivisor(false).dataFormat(CNN2DFormat.NHWC).build();
    }

    /**
     * DL4J's Subsampling1DLayer reads channels-first only, so (steps, features) is viewed as a
     * (steps, 1, features) image, pooled in 2-D and viewed back.
     */
    private static String pooling1d(GraphBuilder gb, NodeResult r, String[] in) {
        LayerNode node = r.node();
        LayerParams p = node.params();
        TensorShape x = r.inputShapes().get(0);
        TensorShape y = r.outputShape();
        int pool = p.getTuple("pool_size").get(0);
        int stride = p.get("strides") == null ? pool : p.getTuple("strides").get(0);
        String pooled = node.name() + "__pool2d";
        gb.addLayer(pooled, new SubsamplingLayer.Builder(poolingType(node)).kernelSize(pool, 1).stride(stride, 1)
                        .convolutionMode(mode(p)).avgPoolIncludePadInDivisor(false).dataFormat(CNN2DFormat.NHWC).build(),
                new ChannelsLastReshape(new long[] {x.dim(0), x.dim(1)}, new long[] {x.dim(0), 1, x.dim(1)}), in);
        gb.addVertex(node.name(), new PreprocessorVertex(new ChannelsLastReshape(
                new long[] {y.dim(0), 1, y.dim(1)}, new long[] {y.dim(0), y.dim(1)})), pooled);
        return node.name();
    }

    /**
     * An LSTM as one fused native op ({@link FusedLstm}), or DL4J's own layer where the op lacks an activation.
     * Inside Bidirectional the cell stays DL4J's (its wrapper needs a DL4J recurrent layer).
     */
    private static Layer lstm(LayerNode node) {
        LayerParams p = node.params();
        String gate = p.has("recurrent_activation") ? p.getString("recurrent_activation") : "sigmoid";
        activation(node, p.getString("activation"));
        activation(node, gate);
        var act = FusedLstm.activationOf(p.getString("activation"));
        var gateAct = FusedLstm.activationOf(gate);
        if (act == null || gateAct == null || "false".equalsIgnoreCase(System.getProperty(FusedLstm.PROPERTY))) {
            return lastStepUnless(p, recurrent(node, "LSTM", p.getInt("units"), p.getString("activation")));
        }
        return new FusedLstm(p.getInt("units"), p.getBool("return_sequences"), act, gateAct);
    }

    private static Layer recurrent(LayerNode node, String kind, int units, String activationName) {
        IActivation act = activation(node, activationName);
        BaseRecurrentLayer.Builder<?> b;
        if ("LSTM".equals(kind)) {
            String gate = node.params().has("recurrent_activation") ? node.params().getString("recurrent_activation") : "sigmoid";
            b = new LSTM.Builder().gateActivationFunction(activation(node, gate));
        } else {
            b = new SimpleRnn.Builder();
        }
        return b.nOut(units).activation(act).dataFormat(RNNFormat.NWC).build();
    }

    private static Layer lastStepUnless(LayerParams p, Layer recurrent) {
        return p.getBool("return_sequences") ? recurrent : new LastTimeStep(recurrent);
    }

    private static Bidirectional.Mode mergeMode(String kerasMode) {
        return switch (kerasMode) {
            case "sum" -> Bidirectional.Mode.ADD;
            case "mul" -> Bidirectional.Mode.MUL;
            case "ave" -> Bidirectional.Mode.AVERAGE;
            default -> Bidirectional.Mode.CONCAT;
        };
    }

    private static PoolingType poolingType(LayerNode node) {
        return node.kind().kerasName().contains("Max") ? PoolingType.MAX : PoolingType.AVG;
    }

    private static ConvolutionMode mode(LayerParams p) {
        return "same".equals(p.getString("padding")) ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    static long[] longs(TensorShape s) {
        return s.asList().stream().mapToLong(Integer::longValue).toArray();
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
