package org.neuralcanvas.engine.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network with its weights, the compiled graph it came from, what its labels mean and the
 * history of the epochs it trained. Predicting and reading a layer's activations do not change it.
 * Not thread-safe: use it while no session is training it.
 */
public final class TrainedModel {

    private static final Sentences SAY = EngineSentences.SAY;

    /** One layer's output for one sample, channels-last, as plain numbers. */
    public record LayerActivations(String layerName, TensorShape shape, float[] values) {
    }

    private final ComputationGraph network;
    /** Replaced only when a paused run resumes with other settings ({@link #resumedWith}). */
    private volatile CompiledModel compiled;
    private final DataDescriptor descriptor;
    private final List<EpochResult> history;

    public TrainedModel(ComputationGraph network, CompiledModel compiled, DataDescriptor descriptor,
                        List<EpochResult> history) {
        this.network = network;
        this.compiled = compiled;
        this.descriptor = descriptor;
        this.history = Collections.synchronizedList(new ArrayList<>(history));
    }

    public ComputationGraph network() {
        return network;
    }

    public CompiledModel compiled() {
        return compiled;
    }

    /**
     * A paused run resumed with these settings (same optimizer and loss): the model's settings say what its network now
     * trains with, so a later continued run compares against the truth and a saved model's project has them.
     */
    void resumedWith(TrainingSettings settings) {
        compiled = compiled.withSettings(settings);
    }

    public DataDescriptor descriptor() {
        return descriptor;
    }

    /** Every epoch trained so far, in order. */
    public List<EpochResult> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    void addEpoch(EpochResult r) {
        history.add(r);
    }

    public int epochsTrained() {
        return history.size();
    }

    /** Outputs of the first output layer for a batch of channels-last features. */
    public INDArray predict(INDArray features) {
        return network.output(false, features)[0];
    }

    /** Outputs for one sample given as its values in channels-last (row-major) order. */
    public float[] predict(float[] sample) {
        return predict(asBatchOfOne(sample)).toFloatVector();
    }

    /** The activations of any layer for one sample (Keras: a sub-model ending at that layer). */
    public LayerActivations activations(String nodeId, INDArray sampleBatchOfOne) {
        String vertex = compiled.vertexOfNode().get(nodeId);
        NodeResult node = compiled.inference().node(nodeId).orElseThrow(
                () -> new IllegalArgumentException(SAY.say("model.noLayer", nodeId)));
        Map<String, INDArray> all = network.feedForward(new INDArray[] {sampleBatchOfOne}, false, false);
        INDArray a = all.get(vertex);
        return new LayerActivations(node.node().name(), node.outputShape(), a.castTo(DataType.FLOAT).toFloatVector());
    }

    public LayerActivations activations(String nodeId, float[] sample) {
        return activations(nodeId, asBatchOfOne(sample));
    }

    private INDArray asBatchOfOne(float[] sample) {
        TensorShape in = compiled.inputShapes().get(0);
        if (sample.length != in.size()) {
            throw new IllegalArgumentException(SAY.say("model.sampleSize", String.valueOf(in.size()), in.toString(),
                    String.valueOf(sample.length)));
        }
        long[] shape = new long[in.rank() + 1];
        shape[0] = 1;
        for (int i = 0; i < in.rank(); i++) {
            shape[i + 1] = in.dim(i);
        }
        return Nd4j.create(sample, shape, 'c');
    }
}
