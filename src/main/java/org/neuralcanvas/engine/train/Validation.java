package org.neuralcanvas.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;

/** Loss and metrics of a model on held-out data, batch by batch, without training. */
final class Validation {

    private Validation() {
    }

    /** {@code loss} and the requested metrics, averaged over samples. */
    static Map<String, Double> measure(TrainedModel model, InMemoryData data, int batchSize, List<String> metrics) {
        ComputationGraph net = model.network();
        MetricSums sums = new MetricSums(metrics);
        double lossSum = 0;
        long seen = 0;
        for (int b = 0; b < data.batches(batchSize); b++) {
            DataSet batch = data.batch(b, batchSize);
            long n = batch.numExamples();
            lossSum += net.score(batch, false) * n;
            seen += n;
            if (sums.any()) {
                sums.add(net.output(false, batch.getFeatures())[0], batch.getLabels());
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("loss", lossSum / seen);
        sums.putMeans("", out);
        return out;
    }
}
