package org.neuralcanvas.engine.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.TimeDistribution;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.layer.Regularizer;
import org.neuralcanvas.domain.shape.MaskFlow;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.project.SettingRanges;
import org.neuralcanvas.project.TrainingSettings;

/**
 * Compiles any graph that passes shape inference to a DL4J {@link ComputationGraphConfiguration}:
 * one code path for Sequential and functional models. Activations are channels-last
 * ([batch, features], [batch, steps, features], [batch, height, width, channels]) so every
 * shape matches what the user sees. Every layer without a consumer is an output: a Dense becomes
 * an {@code OutputLayer} with the training loss, anything else is followed by a {@code LossLayer}.
 * Keras's glorot_uniform initialisation and zero biases are kept.
 *
 * <p>Never throws for a graph: what cannot be mapped comes back as a problem sentence naming the layer.
 */
public final class Dl4jCompiler {

    /** Suffix of the loss vertex added after an output that is not a Dense layer. */
    public static final String LOSS_SUFFIX = "__loss";

    private Dl4jCompiler() {
    }

    /** The most layers a model may have to be trained ({@link ModelGraph#MAX_LAYERS}). */
    public static final int MAX_LAYERS = ModelGraph.MAX_LAYERS;

    public static Compilation compile(ModelGraph source, TrainingSettings settings) {
        if (source.nodeCount() > MAX_LAYERS) {
            return Compilation.failed(List.of(EngineSentences.SAY.say("compile.tooManyLayers",
                    String.valueOf(source.nodeCount()), String.valueOf(MAX_LAYERS))));
        }
        // Settings outside their ranges never reach DL4J (a batch size of 0 was a division by zero in it).
        List<String> settingProblems = SettingRanges.problems(settings);
        if (!settingProblems.isEmpty()) {
            return Compilation.failed(settingProblems);
        }
        ModelGraph graph = source.copy();
        InferenceResult inference = ShapeInference.infer(graph);
        if (!inference.isValid()) {
            return Compilation.failed(inference.problems().stream().map(Problem::message).toList());
        }
        List<String> lossProblems = LossOutputCheck.problems(graph, inference, settings.loss());
        if (!lossProblems.isEmpty()) {
            return Compilation.failed(lossProblems);
        }
        List<String> problems = new ArrayList<>();
        LossFunction loss = Dl4jLosses.of(settings.loss());
        if (loss == null) {
            problems.add("The loss '" + settings.loss() + "' is not known. Choose one of "
                    + String.join(", ", TrainingSettings.LOSSES) + ".");
        }
        IUpdater updater = Dl4jUpdaters.of(settings.optimizer());
        if (updater == null) {
            problems.add("The optimizer '" + settings.optimizer().name() + "' is not known. Choose "
                    + String.join(", ", org.neuralcanvas.project.Optimizers.NAMES) + ".");
        }
        if (!problems.isEmpty()) {
            return Compilation.failed(problems);
        }
        NeuralNetConfiguration.Builder nn = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER_UNIFORM);
        if (settings.optimizer().clipnorm() > 0 && settings.optimizer().clipvalue() > 0) {
            return Compilation.failed(List.of("clipnorm and clipvalue are both set; DL4J clips one way per model. "
                    + "Set one of them to 0."));
        }
        if (settings.optimizer().clipvalue() > 0) {
            // Keras's clipvalue clips every gradient value to [-v, v]: DL4J's element-wise clip.
            nn.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(settings.optimizer().clipvalue());
        }
        if (settings.optimizer().clipnorm() > 0) {
            // Keras's clipnorm clips each weight tensor's L2 norm on its own: DL4J's per-parameter-type clip.
            nn.gradientNormalization(GradientNormalization.ClipL2PerParamType)
                    .gradientNormalizationThreshold(settings.optimizer().clipnorm());
        }
        GraphBuilder gb = nn.graphBuilder();

        List<String> inputNames = new ArrayList<>();
        List<InputType> inputTypes = new ArrayList<>();
        List<TensorShape> inputShapes = new ArrayList<>();
        List<String> outputNames = new ArrayList<>();
        List<TensorShape> outputShapes = new ArrayList<>();
        Map<String, String> vertexOfNode = new HashMap<>();
        MaskFlow masks = MaskFlow.of(graph, inference.order().stream().map(NodeResult::node).toList());
        long params = 0;
        for (NodeResult r : inference.order()) {
            LayerNode node = r.node();
            params += r.params().total();
            String[] in = graph.incoming(node.id()).stream().map(Edge::from).map(vertexOfNode::get).toArray(String[]::new);
            boolean isOutput = graph.outgoing(node.id()).isEmpty();
            try {
                if (node.kind().isInput()) {
                    gb.addInputs(node.name());
                    inputNames.add(node.name());
                    inputTypes.add(ChannelsLastReshape.typeOf(Dl4jLayers.longs(r.outputShape())));
                    inputShapes.add(r.outputShape());
                    vertexOfNode.put(node.id(), node.name());
                    continue;
                }
                Dl4jMapping mapping = Dl4jMappings.of(node.kind()).orElseThrow(() -> new UnsupportedOperationException(
                        node.name() + " (" + node.kind().kerasName() + ") has no DL4J counterpart yet. Replace it "
                                + "with another layer."));
                ILossFunction outputLoss = isOutput ? Dl4jLosses.forOutput(loss, r.outputShape()) : null;
                Optional<Regularizer> activity = activityRegularizer(node);
                // A penalised output is built without its loss, which follows the penalty as its own layer.
                Dl4jVertex vertex = TimeDistribution.isOn(node.params()) ? overSteps(mapping, gb, r, in)
                        : mapping.add(new NodeBuild(gb, r, in, !fedByAnInputAlone(graph, node),
                                activity.isPresent() ? null : outputLoss, maskOf(graph, masks, node, vertexOfNode)));
                if (activity.isPresent()) {
                    String penalised = node.name() + "__activity";
                    gb.addLayer(penalised, new ActivityPenalty(activity.get().l1(), activity.get().l2()), vertex.name());
                    vertex = Dl4jVertex.of(penalised);
                }
                vertexOfNode.put(node.id(), vertex.name());
                if (isOutput && vertex.appliesLoss()) {
                    outputNames.add(vertex.name());
                } else if (isOutput) {
                    String lossName = node.name() + LOSS_SUFFIX;
                    gb.addLayer(lossName, lossLayer(outputLoss, r.outputShape()), vertex.name());
                    outputNames.add(lossName);
                }
                if (isOutput) {
                    outputShapes.add(r.outputShape());
                }
            } catch (RuntimeException e) {
                problems.add(e instanceof UnsupportedOperationException ? e.getMessage()
                        : node.name() + " (" + node.kind().kerasName() + ") cannot be compiled for DL4J: "
                        + e.getMessage() + ". Change its parameters or replace it.");
            }
        }
        if (!problems.isEmpty()) {
            return Compilation.failed(problems);
        }
        gb.setOutputs(outputNames.toArray(new String[0]));
        gb.setInputTypes(inputTypes.toArray(new InputType[0]));
        ComputationGraphConfiguration conf;
        try {
            conf = gb.build();
            Dl4jLayers.afterBuild(conf, inference.order(), nn);
        } catch (RuntimeException e) {
            return Compilation.failed(List.of("The model cannot be compiled for DL4J: " + e.getMessage()
                    + " Check the output layers' activation against the loss (softmax with categorical_crossentropy, "
                    + "sigmoid with binary_crossentropy, linear with mse)."));
        }
        return new Compilation(new CompiledModel(conf, graph, settings, inference, inputNames, inputTypes, inputShapes,
                outputNames, outputShapes, vertexOfNode, params), List.of());
    }

    /**
     * Keras's TimeDistributed: the kind's own mapping, built for one step, between the reshapes that turn a batch of
     * sequences into a batch of steps and back ({@link StepsAsBatch}). At the network's end the compiler's loss
     * layer follows, as for any layer that applies no loss itself.
     */
    private static Dl4jVertex overSteps(Dl4jMapping mapping, GraphBuilder gb, NodeResult r, String[] in) {
        String name = r.node().name();
        int steps = r.inputShapes().get(0).dim(0);
        List<TensorShape> stepIn = r.inputShapes().stream().map(TimeDistribution::stepOf).toList();
        TensorShape stepOut = TimeDistribution.stepOf(r.outputShape());
        String merged = name + "__steps";
        gb.addVertex(merged, new PreprocessorVertex(new StepsAsBatch(steps, Dl4jLayers.longs(stepIn.get(0)), true)), in);
        Dl4jVertex step = mapping.add(new NodeBuild(gb, new NodeResult(r.node(), stepIn, stepOut, r.params()),
                new String[] {merged}, true, null, null));
        String out = name + "__sequences";
        gb.addVertex(out, new PreprocessorVertex(new StepsAsBatch(steps, Dl4jLayers.longs(stepOut), false)),
                step.name());
        return Dl4jVertex.of(out);
    }

    /** Keras's activity_regularizer of the node, where it has one. */
    private static Optional<Regularizer> activityRegularizer(LayerNode node) {
        LayerParams p = node.params();
        if (!p.has(ParamKeys.ACTIVITY_REGULARIZER.name()) || p.get(ParamKeys.ACTIVITY_REGULARIZER) == null) {
            return Optional.empty();
        }
        return Regularizer.parse(p.get(ParamKeys.ACTIVITY_REGULARIZER));
    }

    /**
     * Where the step mask a node reads is made from: the input of the Masking or mask_zero Embedding layer that made
     * it, and the value marking padding there (Masking's mask_value; an Embedding's word index 0). Null when the node
     * reads no mask.
     */
    private static NodeBuild.StepMaskSource maskOf(ModelGraph graph, MaskFlow masks, LayerNode node,
                                                   Map<String, String> vertexOfNode) {
        if (!masks.reads(node)) {
            return null;
        }
        LayerNode source = masks.sourceOf(node).orElseThrow();
        String fedBy = vertexOfNode.get(graph.incoming(source.id()).get(0).from());
        boolean masking = source.params().has(ParamKeys.MASK_VALUE.name());
        return new NodeBuild.StepMaskSource(fedBy, masking ? source.params().get(ParamKeys.MASK_VALUE) : 0.0, masking);
    }

    /**
     * Whether the node's only input is a network input that feeds nothing else. DL4J adds up the gradients of a
     * vertex with several consumers, so an input feeding two layers must get a gradient from each.
     */
    private static boolean fedByAnInputAlone(ModelGraph graph, LayerNode node) {
        List<Edge> incoming = graph.incoming(node.id());
        return incoming.size() == 1 && graph.node(incoming.get(0).from()).kind().isInput()
                && graph.outgoing(incoming.get(0).from()).size() == 1;
    }

    private static org.deeplearning4j.nn.conf.layers.Layer lossLayer(ILossFunction loss, TensorShape shape) {
        return switch (shape.rank()) {
            case 1 -> new LossLayer.Builder().lossFunction(loss).activation(Activation.IDENTITY).build();
            case 2 -> new RnnLossLayer.Builder().lossFunction(loss).activation(Activation.IDENTITY)
                    .dataFormat(RNNFormat.NWC).build();
            default -> new CnnLossLayer.Builder().lossFunction(loss).activation(Activation.IDENTITY)
                    .format(CNN2DFormat.NHWC).build();
        };
    }
}
