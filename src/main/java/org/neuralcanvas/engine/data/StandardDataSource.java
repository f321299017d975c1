package org.neuralcanvas.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.train.SyntheticDataSource;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.project.DatasetChoice;

/**
 * What the command line trains on: the bundled datasets (MNIST, IMDB, Reuters, Boston, ...) and,
 * for quick checks, the engine's generated data ({@code synthetic}, {@code random}).
 */
public final class StandardDataSource implements TrainingDataSource {

    private final BundledTrainingData bundled;
    private final SyntheticDataSource generated = new SyntheticDataSource();

    public StandardDataSource(BundledTrainingData bundled) {
        this.bundled = bundled;
    }

    public static StandardDataSource create() {
        return new StandardDataSource(new BundledTrainingData(BundledDatasets.standard()));
    }

    @Override
    public List<String> datasetIds() {
        List<String> ids = new ArrayList<>(bundled.datasetIds());
        ids.addAll(generated.datasetIds());
        return ids;
    }

    @Override
    public String datasetId(DatasetChoice choice) {
        return bundled.datasetId(choice);
    }

    @Override
    public java.util.List<TrainingData> openFolds(DatasetChoice choice, CompiledModel model, int batchSize, int k) {
        boolean generatedOnly = bundled.descriptor(choice).isEmpty() && generated.datasetIds().contains(choice.datasetId());
        return generatedOnly ? generated.openFolds(choice, model, batchSize, k) : bundled.openFolds(choice, model, batchSize, k);
    }

    @Override
    public TrainingData open(DatasetChoice choice, CompiledModel model, int batchSize) {
        boolean generatedOnly = bundled.descriptor(choice).isEmpty() && generated.datasetIds().contains(choice.datasetId());
        return generatedOnly ? generated.open(choice, model, batchSize) : bundled.open(choice, model, batchSize);
    }
}
