package org.neuralcanvas.engine.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.compile.FusedLstm;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.Project;

/**
 * Carries a Keras file's trained weights into the network our compiler builds from the imported
 * graph, so the imported model predicts, evaluates and fine-tunes like one trained here.
 *
 * <p>DL4J's own import builds a network of its own layout (preprocessors for Flatten/Reshape,
 * its own input formats); ours is channels-last with our vertex names. Weights are copied layer
 * by layer (Keras layer name = our layer name; DL4J keeps the same parameter layout in both), and
 * the result is accepted only if both networks give the same outputs for the same random input —
 * so a model whose weights would mean something else is never handed over silently.
 */
public final class KerasWeightTransfer {

    private static final Sentences SAY = EngineSentences.SAY;
    private static final double TOLERANCE = 1e-3;

    private KerasWeightTransfer() {
    }

    /**
     * @param why collects the sentence saying why the weights could not be carried over
     * @return the trained model, or empty (the graph still opens; it trains from fresh weights)
     */
    public static Optional<TrainedModel> transfer(KerasImportResult imported, List<String> why) {
        ComputationGraph keras = imported.network();
        if (keras == null) {
            why.add(SAY.say("keras.transfer.noNetwork"));
            return Optional.empty();
        }
        Project project = imported.project();
        Compilation c = Dl4jCompiler.compile(project.graph(), project.settings());
        if (!c.ok()) {
            why.add(SAY.say("keras.transfer.notTrainable", String.join(" ", c.problems())));
            return Optional.empty();
        }
        CompiledModel compiled = c.model();
        ComputationGraph ours = new ComputationGraph(compiled.configuration());
        ours.init();
        long copied = 0;
        for (LayerNode node : project.graph().nodes()) {
            // The layer with the weights has the node's name; its output vertex may be an activation after it.
            Layer target = layerOf(ours, node.name());
            Layer source = layerOf(keras, node.name());
            if (target == null || target.numParams() == 0) {
                continue;
            }
            Map<String, INDArray> params = source == null ? null : asStoredBy(source.paramTable(), target, node);
            if (params == null || !copyParams(params, target)) {
                why.add(SAY.say("keras.transfer.layer", node.name()));
                return Optional.empty();
            }
            copied += target.numParams();
        }
        if (copied != ours.numParams()) {
            why.add(SAY.say("keras.transfer.partial", String.valueOf(copied), String.valueOf(ours.numParams())));
            return Optional.empty();
        }
        if (!sameOutputs(keras, ours, compiled.inputShapes().get(0))) {
            why.add(SAY.say("keras.transfer.outputsDiffer"));
            return Optional.empty();
        }
        return Optional.of(new TrainedModel(ours, compiled, descriptor(compiled, project), List.of()));
    }

    private static Layer layerOf(ComputationGraph net, String name) {
        if (name == null) {
            return null;
        }
        GraphVertex v = net.getVertex(name);
        return v != null && v.hasLayer() ? v.getLayer() : null;
    }

    /**
     * DL4J's BatchNormalization may keep log10 of the standard deviation instead of the variance
     * (its {@code useLogStd}); Keras files hold the variance. s = sqrt(var + epsilon).
     */
    private static Map<String, INDArray> asStoredBy(Map<String, INDArray> from, Layer to, LayerNode node) {
        Map<String, INDArray> target = to.paramTable();
        if (to.conf().getLayer() instanceof FusedLstm lstm) {
            // DL4J's import reorders Keras's LSTM gates into DL4J's order; our fused LSTM keeps Keras's.
            Map<String, INDArray> reordered = new java.util.LinkedHashMap<>();
            from.forEach((k, v) -> reordered.put(k, FusedLstm.fromDl4jGateOrder(v, lstm.getUnits())
                    .reshape(target.containsKey(k) ? target.get(k).shape() : v.shape())));
            return reordered;
        }
        if (from.containsKey("var") && !target.containsKey("var") && target.containsKey("log10stdev")) {
            Map<String, INDArray> converted = new java.util.LinkedHashMap<>(from);
            double eps = node.params().getDouble("epsilon");
            INDArray var = converted.remove("var").castTo(DataType.DOUBLE);
            INDArray log10s = org.nd4j.linalg.ops.transforms.Transforms.log(
                    org.nd4j.linalg.ops.transforms.Transforms.sqrt(var.add(eps)), 10.0);
            converted.put("log10stdev", log10s.reshape(target.get("log10stdev").shape()));
            return converted;
        }
        return from;
    }

    private static boolean copyParams(Map<String, INDArray> from, Layer to) {
        Map<String, INDArray> target = to.paramTable();
        if (!from.keySet().equals(target.keySet())) {
            return false;
        }
        for (Map.Entry<String, INDArray> e : from.entrySet()) {
            INDArray t = target.get(e.getKey());
            if (!java.util.Arrays.equals(t.shape(), e.getValue().shape())) {
                return false;
            }
        }
        // Into the layer's own arrays: they are views of the network's parameters, which a SameDiff layer's
        // setParam (DL4J 1.0.0-M2.1) does not write through.
        from.forEach((k, v) -> to.getParam(k).assign(v.castTo(to.getParam(k).dataType())));
        return true;
    }

    /**
     * Both networks on one random batch. DL4J's import may expect channels-first input where ours
     * is channels-last, so the Keras network is also tried with the axes moved.
     */
    private static boolean sameOutputs(ComputationGraph keras, ComputationGraph ours, TensorShape inputShape) {
        long[] shape = new long[inputShape.rank() + 1];
        shape[0] = 3;
        for (int i = 0; i < inputShape.rank(); i++) {
            shape[i + 1] = inputShape.dim(i);
        }
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(DataType.FLOAT, shape);
        INDArray expected = ours.output(false, x)[0];
        List<INDArray> candidates = new ArrayList<>(List.of(x));
        if (x.rank() == 4) {
            candidates.add(x.permute(0, 3, 1, 2).dup());
        } else if (x.rank() == 3) {
            candidates.add(x.permute(0, 2, 1).dup());
        }
        for (INDArray in : candidates) {
            try {
                INDArray got = keras.output(false, in)[0];
                if (got.rank() == 3 && expected.rank() == 3 && got.size(1) != expected.size(1)) {
                    got = got.permute(0, 2, 1);
                }
                if (java.util.Arrays.equals(got.shape(), expected.shape())
                        && got.castTo(DataType.DOUBLE).equalsWithEps(expected.castTo(DataType.DOUBLE), TOLERANCE)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // this input layout is not the one DL4J's import expects; try the next
            }
        }
        return false;
    }

    private static DataDescriptor descriptor(CompiledModel compiled, Project project) {
        String loss = project.settings().loss();
        int width = compiled.outputShapes().get(0).last();
        if (loss.contains("binary") || width == 1 && !loss.startsWith("m")) {
            return DataDescriptor.binary();
        }
        if (loss.startsWith("m") || loss.contains("poisson") || loss.contains("cosine")) {
            return DataDescriptor.regression();
        }
        return DataDescriptor.multiclass(width);
    }
}
