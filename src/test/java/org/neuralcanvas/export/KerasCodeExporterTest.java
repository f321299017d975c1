package org.neuralcanvas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;

class KerasCodeExporterTest {

    private final KerasCodeExporter exporter = new KerasCodeExporter();

    @ParameterizedTest
    @ValueSource(strings = {"mnist-mlp", "mnist-cnn", "functional-merge", "imdb-lstm"})
    void scriptMatchesItsGoldenFile(String template) throws Exception {
        Golden.check(template + ".py", exporter.export(ExportTemplates.all().get(template), template.replace('-', '_')));
    }

    @Test
    void chainBecomesSequentialWithOnlyNonDefaultArguments() {
        String py = exporter.export(ExportTemplates.mnistCnn(), "cnn");
        assertTrue(py.contains("model = keras.Sequential(["));
        assertTrue(py.contains("keras.Input(shape=(28, 28, 1), name='input_1')"));
        assertTrue(py.contains("layers.Conv2D(filters=32, kernel_size=(3, 3), activation='relu', name='conv2d')"));
        assertTrue(py.contains("layers.MaxPooling2D(name='max_pooling2d')"), "pool_size (2, 2) is Keras's default");
        assertTrue(py.contains("layers.Dropout(rate=0.5, name='dropout')"), "rate is required by Keras");
        assertFalse(py.contains("use_bias=True"));
    }

    @Test
    void averagePoolingAlwaysNamesItsPoolSizeAsKeras3RequiresIt() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(8, 8, 1)));
        b.then("AveragePooling2D", Map.of());
        b.then("Flatten", Map.of());
        b.then("Dense", Map.of("units", 2));
        String py = exporter.export(new Project(b.graph(), TrainingSettings.defaults(), DatasetChoice.none(), List.of()),
                "pool");
        assertTrue(py.contains("layers.AveragePooling2D(pool_size=(2, 2), name="), py);
    }

    @Test
    void aModelWithProblemsIsRefusedWithASentenceAndNoFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Dense", Map.of("units", 10)); // needs a Flatten first
        Path target = dir.resolve("broken.py");
        ExportException e = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class, () -> new ExportWriter()
                .writeKerasCode(new Project(b.graph(), TrainingSettings.defaults(), DatasetChoice.none(), List.of()),
                        target));
        assertTrue(e.getMessage().startsWith("The model has 1 problem, so its Keras code would not run: "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" Fix it and export again."), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void mergeBecomesTheFunctionalApiWithInputsInOrder() {
        String py = exporter.export(ExportTemplates.functionalMerge(), "residual");
        assertTrue(py.contains("add = layers.Add(name='add')([dense, batch_normalization])"));
        assertTrue(py.contains("concatenate = layers.Concatenate(name='concatenate')([add, dense_2])"));
        assertTrue(py.contains("model = keras.Model(inputs=input_1, outputs=dense_3, name='residual')"));
        assertTrue(py.contains("layers.Dense(units=8, activation='tanh', use_bias=False, name='dense_2')(input_1)"));
    }

    @Test
    void kFoldIsTheNotesLoopOverBuildModelThenTheFinalModel() throws Exception {
        org.neuralcanvas.project.Project boston = new org.neuralcanvas.project.templates.Templates().find("boston_housing")
                .orElseThrow().newProject();
        boston.setSettings(boston.settings().withEpochs(100)
                .withValidation(org.neuralcanvas.project.ValidationPlan.kFold(4)));
        Golden.check("boston-kfold.py", exporter.export(boston, "boston"));
        String py = exporter.export(boston, "boston");
        assertTrue(py.contains("def build_model():\n    model = keras.Sequential(["), py);
        assertTrue(py.contains("    model.compile(\n"), "compiled inside build_model: " + py);
        assertTrue(py.contains("k = 4\n") && py.contains("validation_data=(take(x_train, val_rows), take(y_train, val_rows))"));
        assertTrue(py.contains("key = 'val_mae'"));
        assertTrue(py.contains("skip = 10 if epochs > 20 else 0"), "the notes leave out the first ten epochs");
        assertTrue(py.contains("model.fit(x_train, y_train, epochs=best_epoch, batch_size=16)"));
        assertTrue(py.contains("results = model.evaluate(x_test, y_test)"));
        assertFalse(py.contains("validation_split"), py);
    }

    @Test
    void theTestSetValidatesAsValidationData() {
        org.neuralcanvas.project.Project boston = new org.neuralcanvas.project.templates.Templates().find("boston_housing")
                .orElseThrow().newProject();
        boston.setSettings(boston.settings().withValidation(org.neuralcanvas.project.ValidationPlan.testSet()));
        String py = exporter.export(boston, "boston");
        assertTrue(py.contains("    validation_data=(x_test, y_test),\n"), py);
        assertFalse(py.contains("validation_split"), py);
    }

    @Test
    void compileAndFitCarryTheTrainingSettings() {
        String py = exporter.export(ExportTemplates.functionalMerge(), "residual");
        assertTrue(py.contains("optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True, clipnorm=1.0)"), py);
        assertTrue(py.contains("loss='mse'"));
        assertTrue(py.contains("metrics=['mae']"));
        assertTrue(py.contains("epochs=100,") && py.contains("batch_size=16,") && py.contains("validation_split=0.2,"));
        assertTrue(py.contains("keras.callbacks.EarlyStopping(monitor='val_loss', patience=10, restore_best_weights=True)"));
        assertTrue(py.contains("keras.utils.set_random_seed(7)"));
    }

    @Test
    void optimizerNamesAndDefaultsAreKerass() {
        assertEquals("keras.optimizers.RMSprop(learning_rate=0.001)",
                KerasCodeExporter.optimizer(OptimizerSettings.defaults("rmsprop")));
        assertEquals("keras.optimizers.Adam(learning_rate=0.0005)",
                KerasCodeExporter.optimizer(OptimizerSettings.defaults("adam").withLearningRate(0.0005)));
        // Adadelta's learning rate is always written: Keras 3's default is 0.001, DL4J's (and Keras 2.2's) 1.0.
        assertEquals("keras.optimizers.Adadelta(learning_rate=1.0)",
                KerasCodeExporter.optimizer(OptimizerSettings.defaults("adadelta")));
        assertEquals("keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True, clipvalue=0.5)",
                KerasCodeExporter.optimizer(OptimizerSettings.defaults("sgd").with("momentum", 0.9)
                        .with("nesterov", true).with("clipvalue", 0.5)));
    }

    @Test
    void datasetsLoadAndPrepareAsTheTutorialsDo() {
        String mlp = exporter.export(ExportTemplates.mnistMlp(), "mlp");
        assertTrue(mlp.contains("keras.datasets.mnist.load_data()"));
        assertTrue(mlp.contains("x_train = x_train.reshape((-1, 784)).astype('float32') / 255"));
        assertTrue(mlp.contains("y_train = keras.utils.to_categorical(y_train, 10)"));
        String boston = exporter.export(ExportTemplates.functionalMerge(), "b");
        assertTrue(boston.contains("x_train = (x_train - mean) / std"));
        String imdb = exporter.export(ExportTemplates.imdbLstm(), "imdb");
        assertTrue(imdb.contains("keras.datasets.imdb.load_data(num_words=20000)"));
        assertTrue(imdb.contains("keras.utils.pad_sequences(x_train, maxlen=200)"));
    }

    @Test
    void textWithoutEmbeddingIsMultiHotEncoded() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(10000)));
        b.then("Dense", Map.of("units", 46, "activation", "softmax"));
        Project p = new Project(b.graph(), TrainingSettings.defaults(), new DatasetChoice("reuters", Map.of()), List.of());
        String py = exporter.export(p, "reuters");
        assertTrue(py.contains("def multi_hot(sequences, dimension=10000):"));
        assertTrue(py.contains("y_train = keras.utils.to_categorical(y_train, 46)"));
    }

    @Test
    void withoutAMatchingDatasetRandomDataOfTheRightShapesStandsIn() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(4)));
        b.then("Dense", Map.of("units", 3, "activation", "softmax"));
        Project p = new Project(b.graph(), TrainingSettings.defaults(), new DatasetChoice("iris", Map.of()), List.of());
        String py = exporter.export(p, "iris");
        assertTrue(py.contains("x_train = rng.random((256, 4)).astype('float32')"));
        assertTrue(py.contains("y_train = keras.utils.to_categorical(rng.integers(0, 3, 256), 3)"));
        assertFalse(py.contains("evaluate"));
    }
}
