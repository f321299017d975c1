package org.neuralcanvas.engine.bench;

import java.util.ArrayList;
import java.util.List;

/** What every training benchmark does between and after its timed runs. */
public final class BenchRuns {

    private BenchRuns() {
    }

    /**
     * Before a timed run: the garbage of the last one collected, so that no run pays for another's.
     * ND4J's arrays live off the heap and JavaCPP's deallocator threads free them only after a
     * collection, which otherwise lands on whichever run comes next (up to half a CPU-second on two cores).
     */
    public static void settle() {
        System.gc();
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** MNIST's 60,000 training images as the app prepares them: flat [n, 784], pixels in [0, 1], one-hot labels. */
    public static org.nd4j.linalg.dataset.DataSet mnistTrainingSet() throws org.neuralcanvas.dataset.DatasetException {
        org.neuralcanvas.dataset.BundledDatasets datasets = org.neuralcanvas.dataset.BundledDatasets.standard();
        var options = org.neuralcanvas.dataset.prep.PreprocessingOptions.defaultsFor(datasets.catalog().get("mnist"))
                .withLayout(org.neuralcanvas.dataset.FeatureLayout.FLAT);
        return datasets.prepare("mnist", options).train().toDataSet();
    }

    public static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
