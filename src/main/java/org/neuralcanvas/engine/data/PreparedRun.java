package org.neuralcanvas.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.prep.LabelEncoding;
import org.neuralcanvas.dataset.prep.PreparedDataset;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.engine.baseline.BaselineReport;
import org.neuralcanvas.engine.baseline.Baselines;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.eval.Evaluator;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.TaskKind;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingFailure;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * One prepared dataset for one run: the engine's {@link TrainingData}, and after training the
 * test-set evaluation and predictions as plain values (so the UI never touches ND4J).
 */
public final class PreparedRun {

    private final PreparedDataset prepared;
    private final int batchSize;

    PreparedRun(PreparedDataset prepared, int batchSize) {
        this.prepared = prepared;
        this.batchSize = batchSize;
    }

    /** The dataset as prepared (for tests of what the views get from it). */
    /** A sentence encoded as the dataset's examples are (see {@link PreparedDataset#encodeText}); empty for non-text. */
    public float[] encodeText(String sentence) {
        java.util.Map<String, Integer> r = wordRanks;
        if (r == null) { // the playground encodes on every keystroke: the vocabulary's index is built once
            r = prepared.wordRanks();
            wordRanks = r;
        }
        return prepared.encodeText(sentence, r);
    }

    private volatile java.util.Map<String, Integer> wordRanks;

    PreparedDataset prepared() {
        return prepared;
    }

    public DatasetDescriptor descriptor() {
        return prepared.descriptor();
    }

    public TensorShape inputShape() {
        return TensorShape.of(prepared.inputShape());
    }

    public int outputWidth() {
        return prepared.outputWidth();
    }

    /** What the session trains on: training, validation (when split off) and test iterators. */
    public TrainingData trainingData() {
        return new TrainingData(prepared.trainIterator(batchSize), prepared.validationIterator(batchSize).orElse(null),
                prepared.testIterator(batchSize), dataDescriptor(prepared.descriptor(), prepared.options().labels()));
    }

    /**
     * K-fold: one {@link TrainingData} per fold, training on the other parts (shuffled each epoch with the seed) and
     * validating on its own; no test split, which is for the final model.
     *
     * @throws TrainingFailure when there are fewer training examples than folds
     */
    public List<TrainingData> foldData(int k) {
        int n = prepared.train().size();
        if (k < 2 || k > n) {
            throw new TrainingFailure(org.neuralcanvas.engine.EngineSentences.SAY.say("run.kfold.tooFew",
                    String.valueOf(k), String.valueOf(n)));
        }
        DataDescriptor labels = dataDescriptor(prepared.descriptor(), prepared.options().labels());
        return prepared.kFolds(k).stream().map(f -> new TrainingData(
                f.training().shuffledIterator(batchSize, prepared.options().seed()), f.validation().iterator(batchSize),
                null, labels)).toList();
    }

    /** What the labels are; an autoencoder's (labels: the inputs) are numbers, whatever the dataset's classes. */
    static DataDescriptor dataDescriptor(DatasetDescriptor d, LabelEncoding labels) {
        if (labels == LabelEncoding.INPUTS) {
            return DataDescriptor.regression();
        }
        return switch (d.task()) {
            case MULTICLASS -> new DataDescriptor(TaskKind.MULTICLASS, d.numClasses(), d.classNames());
            case BINARY -> new DataDescriptor(TaskKind.BINARY, 2, d.classNames());
            case REGRESSION -> new DataDescriptor(TaskKind.REGRESSION, 0, List.of());
        };
    }

    /** Keras's {@code evaluate} on the test split. Blocking. */
    public EvaluationReport evaluate(TrainedModel model) {
        return Evaluator.evaluate(model, prepared.testIterator(batchSize));
    }

    /** The simple models beside the run, fitted on the same training features and scored on the same test split. Blocking. */
    public BaselineReport baselines() {
        return Baselines.fit(prepared);
    }

    /** The test split with the model's outputs for each sample. Blocking. */
    public TestPredictions predictions(TrainedModel model) {
        DataSetIterator it = prepared.testIterator(batchSize);
        List<float[]> features = new ArrayList<>();
        List<float[]> truth = new ArrayList<>();
        List<float[]> predicted = new ArrayList<>();
        while (it.hasNext()) {
            DataSet batch = it.next();
            INDArray x = batch.getFeatures();
            INDArray out = model.predict(x);
            rows(x, features);
            rows(batch.getLabels(), truth);
            rows(out, predicted);
        }
        DatasetDescriptor d = prepared.descriptor();
        int[] picture = picture(d, prepared.layout(), prepared.inputShape());
        return new TestPredictions(inputShape(), features.toArray(new float[0][]), truth.toArray(new float[0][]),
                predicted.toArray(new float[0][]),
                prepared.options().labels() == LabelEncoding.INPUTS ? List.of() : d.classNames(), picture[0], picture[1],
                texts(features));
    }

    /** Words a tile and its tooltip can show; a whole IMDB test split's reviews would be tens of megabytes. */
    static final int TEXT_WORDS = 80;

    /** Each test sample's words, for text datasets (a multi-hot row is a bag of words; the dataset keeps the order). */
    private List<String> texts(List<float[]> features) {
        if (prepared.vocabulary().isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(features.size());
        for (int i = 0; i < features.size(); i++) {
            texts.add(prepared.testText(i, features.get(i), TEXT_WORDS));
        }
        return texts;
    }

    private static void rows(INDArray a, List<float[]> into) {
        long n = a.size(0);
        INDArray flat = a.reshape('c', n, a.length() / n).castTo(DataType.FLOAT);
        for (long i = 0; i < n; i++) {
            into.add(flat.getRow(i).toFloatVector());
        }
    }

    /** Pictures are image datasets in either layout (MNIST flat is still 28x28 pixels). */
    private static int[] picture(DatasetDescriptor d, FeatureLayout layout, int[] shape) {
        if (d.pixelMax() <= 0 || !d.offers(FeatureLayout.IMAGE)) {
            return new int[] {0, 0};
        }
        int[] image = d.shape(FeatureLayout.IMAGE);
        return image[2] == 1 ? new int[] {image[0], image[1]} : new int[] {0, 0};
    }
}
