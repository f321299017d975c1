package org.neuralcanvas.engine.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.text.ByteSizes;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.NodeParams;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.LossKind;
import org.neuralcanvas.project.Losses;
import org.neuralcanvas.project.Project;

/**
 * Puts a Keras file's stored weights into the network our compiler builds from the imported graph,
 * so the imported model predicts, evaluates and fine-tunes like one trained here. Layer by layer:
 * the file's arrays of the Keras layer a node came from are checked against the compiled layer's
 * shapes, converted ({@link KerasWeightLayouts}) and copied; then every layer is checked against
 * Keras's formula ({@link KerasLayerCheck}). Weights are kept only when every weighted layer got
 * them and every check passed; otherwise the graph still opens and trains from fresh weights, and
 * the sentence says which layer stopped it.
 */
final class KerasWeightLoader {

    private static final Sentences SAY = EngineSentences.SAY;

    /** The model with the file's weights (null where none were kept), how many weights, and what the user should know. */
    record Loaded(TrainedModel model, long weights, List<String> messages) {
    }

    private KerasWeightLoader() {
    }

    /**
     * @param backend        the Keras backend the file names (Theano kernels are flipped)
     * @param maxWeightBytes a graph whose weights would take more memory than this is refused before anything is
     *                       read or allocated
     */
    static Loaded load(Project project, KerasModelConfig config, KerasGraphBuilder.Built built,
                       KerasWeightSource source, String backend, long maxWeightBytes, BooleanSupplier cancelled) {
        List<String> messages = new ArrayList<>();
        Map<String, KerasLayerConfig> layerOfNode = new HashMap<>();
        List<String> leftOutWeightless = new ArrayList<>();
        for (KerasLayerConfig layer : config.layers()) {
            String id = built.nodeOfLayer().get(layer.name());
            if (id != null) {
                layerOfNode.put(id, layer);
                continue;
            }
            try {
                if (!source.arraysOf(layer, Long.MAX_VALUE).isEmpty()) {
                    return none(SAY.say("keras.weights.leftOutWeighted", layer.name(), layer.className()));
                }
            } catch (Hdf5Reader.BadDataset | RuntimeException e) {
                return none(SAY.say("keras.weights.leftOutWeighted", layer.name(), layer.className()));
            }
            leftOutWeightless.add(layer.name() + " (" + layer.className() + ")");
        }
        // Everything is read and counted before the network is built, so a description claiming absurd sizes
        // allocates nothing: what is built never holds more numbers than the file gave.
        InferenceResult inference = ShapeInference.infer(project.graph());
        if (!inference.isValid()) {
            // The opened graph has shape problems (the Problems tab lists them): no network to hold the weights.
            return none(SAY.say("keras.weights.shapes", inference.problems().get(0).message()));
        }
        long total = inference.order().stream().mapToLong(r -> r.params().total()).sum();
        if (total > maxWeightBytes / Float.BYTES) {
            return none(SAY.say("keras.weights.tooMany", String.format(Locale.ROOT, "%,d", total),
                    ByteSizes.human(maxWeightBytes)));
        }
        Map<String, List<KerasArray>> stored = new LinkedHashMap<>();
        for (NodeResult r : inference.order()) {
            long expected = r.params().total();
            if (expected == 0) {
                continue;
            }
            LayerNode node = r.node();
            KerasLayerConfig layer = layerOfNode.get(node.id());
            try {
                List<KerasArray> arrays = layer == null ? List.of() : source.arraysOf(layer, expected);
                if (arrays.isEmpty()) {
                    return none(SAY.say("keras.weights.missing", node.name()));
                }
                long found = arrays.stream().mapToLong(a -> a.values().length).sum();
                if (found != expected) {
                    return none(SAY.say("keras.weights.mismatch", node.name(), "the file stores " + found
                            + " numbers for it where the graph needs " + expected));
                }
                stored.put(node.id(), ChannelsLastArrays.adapt(node, layer, arrays, backend, project.graph(), inference,
                        built.channelsFirstFlatten()));
            } catch (Hdf5Reader.BadDataset e) {
                return none(SAY.say("keras.weights.badArray", node.name(), e.getMessage()));
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                return none(SAY.say("keras.weights.unreadable", node.name()));
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Import cancelled.");
            }
        }
        Compilation c = Dl4jCompiler.compile(project.graph(), project.settings());
        if (!c.ok()) {
            return none(SAY.say("keras.transfer.notTrainable", String.join(" ", c.problems())));
        }
        CompiledModel compiled = c.model();
        ComputationGraph network = new ComputationGraph(compiled.configuration());
        network.init();
        Map<String, List<KerasArray>> checked = new LinkedHashMap<>();
        long copied = 0;
        for (LayerNode node : project.graph().nodes()) {
            Map<String, INDArray> targetParams = NodeParams.of(network, node.name());
            if (targetParams.isEmpty()) {
                continue;
            }
            GraphVertex vertex = network.getVertex(node.name());
            org.deeplearning4j.nn.conf.layers.Layer conf = vertex.hasLayer() ? vertex.getLayer().conf().getLayer() : null;
            List<KerasArray> arrays = stored.get(node.id());
            if (arrays == null) {
                return none(SAY.say("keras.weights.missing", node.name()));
            }
            try {
                Map<String, long[]> shapes = new LinkedHashMap<>();
                targetParams.forEach((k, v) -> shapes.put(k, v.shape()));
                Map<String, INDArray> params = KerasWeightLayouts.convert(node, arrays, shapes, conf);
                if (!params.keySet().equals(shapes.keySet())) {
                    return none(SAY.say("keras.weights.mismatch", node.name(), "its parameters " + params.keySet()
                            + " are not the compiled layer's " + shapes.keySet()));
                }
                // Into the layer's own arrays: views of the network's parameters, which a SameDiff layer's setParam
                // (DL4J 1.0.0-M2.1) does not write through.
                params.forEach((k, v) -> targetParams.get(k).assign(v.castTo(targetParams.get(k).dataType())));
                checked.put(node.id(), KerasWeightLayouts.keras2Form(node, arrays));
                copied += targetParams.values().stream().mapToLong(INDArray::length).sum();
            } catch (KerasWeightLayouts.Mismatch e) {
                return none(SAY.say("keras.weights.mismatch", node.name(), e.getMessage()));
            }
        }
        if (copied != network.params().length()) {
            return none(SAY.say("keras.transfer.partial", String.valueOf(copied), String.valueOf(network.params().length())));
        }
        KerasLayerCheck.Outcome check = KerasLayerCheck.run(network, compiled, project.graph(), checked);
        if (!check.passed()) {
            return none(SAY.say("keras.weights.checkFailed", check.failedLayer(),
                    String.format(Locale.ROOT, "%.3g", check.difference())));
        }
        messages.add(SAY.say("keras.weights.loaded", String.format(Locale.ROOT, "%,d", copied)));
        if (!check.checked().isEmpty()) {
            messages.add(SAY.say("keras.weights.checked", String.join(", ", check.checked())));
        }
        if (!check.notChecked().isEmpty()) {
            messages.add(SAY.say("keras.weights.notChecked", String.join(", ", check.notChecked())));
        }
        if (!leftOutWeightless.isEmpty()) {
            messages.add(SAY.say("keras.weights.outputsChanged", String.join(", ", leftOutWeightless)));
        }
        TrainedModel model = new TrainedModel(network, compiled, descriptor(compiled, project), List.of());
        return new Loaded(model, copied, messages);
    }

    private static Loaded none(String why) {
        return new Loaded(null, 0, List.of(why));
    }


    private static DataDescriptor descriptor(CompiledModel compiled, Project project) {
        int width = compiled.outputShapes().get(0).last();
        LossKind.Task task = Losses.find(project.settings().loss()).map(LossKind::task).orElse(LossKind.Task.REGRESSION);
        return switch (task) {
            case BINARY -> DataDescriptor.binary();
            case REGRESSION -> DataDescriptor.regression();
            case MULTICLASS -> width == 1 ? DataDescriptor.binary() : DataDescriptor.multiclass(width);
        };
    }
}
