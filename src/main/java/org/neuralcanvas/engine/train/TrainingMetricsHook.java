package org.neuralcanvas.engine.train;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras reports training metrics from the forward pass it trains on; DL4J does not keep the
 * output layer's activations, so this listener rebuilds them from the activations it does pass
 * along: the output layer's input times its weights (one small matrix product), or the input of
 * the identity loss layer. Costs far less than a second forward pass.
 */
final class TrainingMetricsHook extends BaseTrainingListener {

    private final MetricSums sums;
    private final String outputName;
    private final String feederName;
    private final boolean outputIsDense;
    private final IActivation activation;
    private volatile INDArray labels;

    TrainingMetricsHook(ComputationGraph net, String outputName, MetricSums sums) {
        this.sums = sums;
        this.outputName = outputName;
        List<String> inputs = net.getConfiguration().getVertexInputs().get(outputName);
        this.feederName = inputs.get(0);
        GraphVertex vertex = net.getVertex(outputName);
        org.deeplearning4j.nn.conf.layers.Layer conf = vertex.getLayer().conf().getLayer();
        this.outputIsDense = conf instanceof org.deeplearning4j.nn.conf.layers.OutputLayer;
        this.activation = conf instanceof BaseOutputLayer o ? o.getActivationFn() : null;
    }

    /** The labels of the batch about to be trained. */
    void nextLabels(INDArray batchLabels) {
        this.labels = batchLabels;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        INDArray in = activations.get(feederName);
        if (in == null || labels == null) {
            return;
        }
        INDArray output;
        if (outputIsDense) {
            org.deeplearning4j.nn.api.Layer layer = ((ComputationGraph) model).getLayer(outputName);
            output = in.castTo(layer.getParam("W").dataType()).mmul(layer.getParam("W"));
            INDArray b = layer.paramTable().get("b");
            if (b != null) {
                output.addiRowVector(b);
            }
            output = activation.getActivation(output, false);
        } else {
            output = in;
        }
        sums.add(output, labels);
    }
}
