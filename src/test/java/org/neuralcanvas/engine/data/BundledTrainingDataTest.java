package org.neuralcanvas.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.TrainingSettings;
import org.neuralcanvas.project.templates.Templates;

class BundledTrainingDataTest {

    private final BundledTrainingData data = new BundledTrainingData(BundledDatasets.standard());

    private static ModelGraph mlp(int in, int out, String activation) {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(in)));
        b.then("Dense", Map.of("units", 8, "activation", "relu"));
        b.then("Dense", Map.of("units", out, "activation", activation));
        return b.graph();
    }

    @Test
    void everyTemplatesDatasetIsFound() {
        new Templates().all().forEach(t -> assertTrue(data.descriptor(t.dataset()).isPresent(), t.id()));
    }

    @Test
    void aDatasetThatIsNotInTheCacheDoesNotFitAndTheFetchCommandIsNamed(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path emptyCache) {
        BundledTrainingData nothingFetched = new BundledTrainingData(new BundledDatasets(
                org.neuralcanvas.dataset.DatasetCatalog.standard(), new org.neuralcanvas.dataset.DatasetCache(emptyCache)));
        DatasetFit fit = nothingFetched.check(new DatasetChoice("iris", Map.of()), TrainingSettings.defaults(),
                mlp(4, 3, "softmax"));
        assertFalse(fit.fits());
        assertTrue(fit.problems().get(0).contains("is not in the dataset cache (" + emptyCache + ") yet. Download it with "
                + "Help ▸ Download Datasets (from a source tree: mvn -B -ntp process-classes"), fit.problems().toString());
        DatasetFit generated = nothingFetched.check(new DatasetChoice("synthetic_classes", Map.of()),
                TrainingSettings.defaults(), mlp(100, 10, "softmax"));
        assertTrue(generated.datasetInput() != null, "the generated dataset is known: " + generated.problems());
        assertTrue(generated.problems().stream().noneMatch(p -> p.contains("dataset cache")),
                "generated data needs no cache: " + generated.problems());
    }

    @Test
    void irisFitsAFourInputThreeClassSoftmaxModel() {
        DatasetFit fit = data.check(new DatasetChoice("iris", Map.of()), TrainingSettings.defaults(), mlp(4, 3, "softmax"));
        assertTrue(fit.fits(), fit.problems().toString());
    }

    @Test
    void aWrongInputShapeIsReportedWithTheShapeThatFits() {
        DatasetFit fit = data.check(new DatasetChoice("iris", Map.of()), TrainingSettings.defaults(), mlp(7, 3, "softmax"));
        assertFalse(fit.fits());
        assertTrue(fit.canFixInput());
        assertEquals(List.of(4), fit.suggestedInputShape());
        assertTrue(fit.problems().get(0).contains("Set the Input's shape to [4]"), fit.problems().get(0));
    }

    @Test
    void aWrongOutputWidthSaysWhichLayerToEndWith() {
        DatasetFit fit = data.check(new DatasetChoice("iris", Map.of()), TrainingSettings.defaults(), mlp(4, 10, "softmax"));
        assertFalse(fit.canFixInput());
        assertTrue(fit.problems().get(0).contains("Dense(3, activation='softmax')"), fit.problems().get(0));
    }

    @Test
    void sparseCrossEntropyGivesIntegerLabelsOfWidthOne() {
        TrainingSettings sparse = TrainingSettings.defaults().withLoss("sparse_categorical_crossentropy");
        DatasetFit fit = data.check(new DatasetChoice("iris", Map.of()), sparse, mlp(4, 3, "softmax"));
        assertEquals(1, fit.datasetOutput());
    }

    @Test
    void mnistFlatLayoutGivesSevenHundredEightyFourInputs() {
        DatasetFit fit = data.check(new DatasetChoice("mnist", Map.of("layout", "flat")), TrainingSettings.defaults(),
                mlp(784, 10, "softmax"));
        assertTrue(fit.fits(), fit.problems().toString());
    }

    @Test
    void asTheEnginesDataSourceItRefusesAModelThatDoesNotFitWithTheSentence() {
        var compiled = org.neuralcanvas.engine.compile.Dl4jCompiler.compile(mlp(7, 3, "softmax"), TrainingSettings.defaults()).model();
        var failure = org.junit.jupiter.api.Assertions.assertThrows(org.neuralcanvas.engine.train.TrainingFailure.class,
                () -> data.open(new DatasetChoice("iris", Map.of()), compiled, 16));
        assertTrue(failure.getMessage().contains("Set the Input's shape to [4]"), failure.getMessage());
        assertTrue(data.datasetIds().contains("iris"));
    }

    @Test
    void asTheEnginesDataSourceItOpensIrisForAModelThatFits() {
        var compiled = org.neuralcanvas.engine.compile.Dl4jCompiler.compile(mlp(4, 3, "softmax"), TrainingSettings.defaults()).model();
        var opened = data.open(new DatasetChoice("iris", Map.of()), compiled, 16);
        assertEquals(3, opened.descriptor().numClasses());
        assertEquals("setosa", opened.descriptor().className(0));
    }

    @Test
    void textPredictionsShowTheNewswiresWordsInEitherLayoutNotItsNumbers() throws Exception {
        Map<String, String> words = Map.of("vocabulary_size", "1000", "sequence_length", "1000");
        TrainingSettings s = TrainingSettings.defaults();
        java.util.Map<String, String> multiHot = new java.util.HashMap<>(words);
        multiHot.put("layout", "multi_hot");
        java.util.Map<String, String> tokens = new java.util.HashMap<>(words);
        tokens.put("layout", "token_indices");
        PreparedRun bag = data.prepare(new DatasetChoice("reuters", multiHot), s);
        var compiled = org.neuralcanvas.engine.compile.Dl4jCompiler.compile(mlp(1000, 46, "softmax"), s).model();
        var net = new org.deeplearning4j.nn.graph.ComputationGraph(compiled.configuration());
        net.init();
        TestPredictions p = bag.predictions(new org.neuralcanvas.engine.train.TrainedModel(net, compiled,
                bag.trainingData().descriptor(), List.of()));
        assertTrue(p.hasText(), "Reuters is text");
        assertEquals(p.size(), p.texts().size());
        String first = p.text(0);
        assertTrue(List.of(first.split(" ")).contains("reuter"), "a newswire, with its sign-off: " + first);
        assertTrue(java.util.stream.IntStream.range(0, 20).anyMatch(i -> List.of(p.text(i).split(" ")).contains("the")),
                "English words, not multi-hot numbers");

        PreparedRun ordered = data.prepare(new DatasetChoice("reuters", tokens), s);
        var test = ordered.trainingData().test().next();
        assertEquals(first, ordered.prepared().testText(0, test.getFeatures().getRow(0).toFloatVector(),
                PreparedRun.TEXT_WORDS), "the same words in the same order as the indices layout gives them");
    }
}
