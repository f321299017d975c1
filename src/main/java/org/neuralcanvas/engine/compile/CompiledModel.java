package org.neuralcanvas.engine.compile;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.project.TrainingSettings;

/**
 * A graph compiled to a DL4J configuration, with what is needed to feed it and read it back.
 *
 * @param configuration the DL4J configuration (not yet initialised: no memory taken)
 * @param graph         the snapshot of the graph it was compiled from
 * @param settings      the training settings it was compiled with (loss, optimizer, seed)
 * @param inference     shapes and counts of the graph
 * @param inputNames    DL4J input names, in the order the data's features come (Input layers, topological order)
 * @param inputTypes    their DL4J types, same order
 * @param inputShapes   their shapes as the user sees them
 * @param outputNames   DL4J output (loss) vertex names, in the order the data's labels come
 * @param outputShapes  the output shapes as the user sees them
 * @param vertexOfNode  for each node id, the DL4J vertex whose activations are that layer's output
 * @param paramCount    total weights, as the summary counts them
 */
public record CompiledModel(ComputationGraphConfiguration configuration, ModelGraph graph, TrainingSettings settings,
                            InferenceResult inference, List<String> inputNames, List<InputType> inputTypes,
                            List<TensorShape> inputShapes, List<String> outputNames, List<TensorShape> outputShapes,
                            Map<String, String> vertexOfNode, long paramCount) {

    public CompiledModel {
        inputNames = List.copyOf(inputNames);
        inputTypes = List.copyOf(inputTypes);
        inputShapes = List.copyOf(inputShapes);
        outputNames = List.copyOf(outputNames);
        outputShapes = List.copyOf(outputShapes);
        vertexOfNode = Map.copyOf(vertexOfNode);
    }

    /** The same compiled network with other training settings (for settings that do not change the network's layers). */
    public CompiledModel withSettings(TrainingSettings other) {
        return new CompiledModel(configuration, graph, other, inference, inputNames, inputTypes, inputShapes,
                outputNames, outputShapes, vertexOfNode, paramCount);
    }

    public InputType[] inputTypeArray() {
        return inputTypes.toArray(new InputType[0]);
    }
}
