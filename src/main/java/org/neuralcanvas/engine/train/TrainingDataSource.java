package org.neuralcanvas.engine.train;

import java.util.List;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.project.DatasetChoice;

/**
 * The seam between datasets and training: turns a project's dataset choice into
 * {@link TrainingData} for a compiled model. The command line and the app ask one of these for
 * data; {@link SyntheticDataSource} serves generated data until the dataset package lands, and
 * an adapter over the dataset catalog will implement it then (the dataset package itself may
 * not import the engine).
 */
public interface TrainingDataSource {

    /** The dataset ids this source can open, e.g. {@code synthetic}. */
    List<String> datasetIds();

    /**
     * Opens a dataset for a model.
     *
     * @param choice    the dataset id and its options (layout, label encoding, sample count)
     * @param model     the model that will train on it: its input and output shapes, its loss
     * @param batchSize the batch size the iterators should deliver
     * @throws TrainingFailure with the user's sentence when the dataset is unknown or does not fit the model
     */
    TrainingData open(DatasetChoice choice, CompiledModel model, int batchSize);

    /**
     * Opens a dataset for K-fold cross-validation: its training examples dealt into {@code k} parts with the run's
     * seed, and one {@link TrainingData} per fold that trains on the other parts and validates on its own (the test
     * split is left out: it is for the final model).
     *
     * @throws TrainingFailure with the user's sentence when this source cannot, or the data does not fit the model
     */
    default java.util.List<TrainingData> openFolds(DatasetChoice choice, CompiledModel model, int batchSize, int k) {
        throw new TrainingFailure(org.neuralcanvas.engine.EngineSentences.SAY.say("run.kfold.unsupported",
                choice.datasetId()));
    }

    /** The id a run's record names its dataset by (a source may accept other spellings of it). */
    default String datasetId(DatasetChoice choice) {
        return choice.datasetId();
    }
}
