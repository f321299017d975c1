package org.neuralcanvas.export;

import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;

/** The models the golden files pin: a chain, a CNN, a functional graph with merges, a text model. */
final class ExportTemplates {

    private ExportTemplates() {
    }

    /** Deep Learning with Python's first MNIST network. */
    static Project mnistMlp() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(784)));
        b.then("Dense", Map.of("units", 512, "activation", "relu"));
        b.then("Dropout", Map.of("rate", 0.2));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        TrainingSettings s = TrainingSettings.defaults().withBatchSize(128).withValidationSplit(0.1);
        return new Project(b.graph(), s, new DatasetChoice("mnist", Map.of("layout", "flat")), List.of());
    }

    /** The Keras "simple MNIST convnet" example. */
    static Project mnistCnn() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Conv2D", Map.of("filters", 32, "kernel_size", List.of(3, 3), "activation", "relu"));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        b.then("Conv2D", Map.of("filters", 64, "kernel_size", List.of(3, 3), "activation", "relu"));
        b.then("MaxPooling2D", Map.of("pool_size", List.of(2, 2)));
        b.then("Flatten", Map.of());
        b.then("Dropout", Map.of("rate", 0.5));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        TrainingSettings s = TrainingSettings.defaults().withOptimizer(OptimizerSettings.defaults("adam"))
                .withEpochs(15).withBatchSize(128).withValidationSplit(0.1);
        return new Project(b.graph(), s, new DatasetChoice("mnist", Map.of("layout", "image")), List.of());
    }

    /** Two branches from one input, joined by Add and by Concatenate (a residual-style block). */
    static Project functionalMerge() {
        ModelBuilder b = new ModelBuilder();
        String in = b.add("Input", Map.of("shape", List.of(13)));
        String hidden = b.add("Dense", Map.of("units", 64, "activation", "relu"), in);
        String left = b.add("Dense", Map.of("units", 64, "activation", "relu"), hidden);
        String norm = b.add("BatchNormalization", Map.of(), left);
        String sum = b.add("Add", Map.of(), hidden, norm);
        String side = b.add("Dense", Map.of("units", 8, "activation", "tanh", "use_bias", false), in);
        String joined = b.add("Concatenate", Map.of(), sum, side);
        b.add("Dense", Map.of("units", 1), joined);
        OptimizerSettings sgd = new OptimizerSettings("sgd", 0.01, 0.9, true, 0.0, 0.9, 0.9, 0.999, 1e-7, 1.0, 0.0);
        CallbackSettings early = new CallbackSettings(new CallbackSettings.EarlyStopping(true, "val_loss", 10, true),
                CallbackSettings.none().reduceLrOnPlateau(), CallbackSettings.none().checkpoint());
        TrainingSettings s = new TrainingSettings("mse", sgd, List.of("mae"), 100, 16, 0.2, true, 7L, early);
        return new Project(b.graph(), s, new DatasetChoice("boston_housing", Map.of()), List.of());
    }

    /** IMDB sentiment with an Embedding and a bidirectional LSTM. */
    static Project imdbLstm() {
        ModelBuilder b = new ModelBuilder();
        b.then("Input", Map.of("shape", List.of(200)));
        b.then("Embedding", Map.of("input_dim", 20000, "output_dim", 128));
        b.then("Bidirectional", Map.of("layer", "LSTM", "units", 64, "return_sequences", true));
        b.then("Bidirectional", Map.of("layer", "LSTM", "units", 64));
        b.then("Dense", Map.of("units", 1, "activation", "sigmoid"));
        TrainingSettings s = TrainingSettings.defaults().withOptimizer(OptimizerSettings.defaults("adam"))
                .withLoss("binary_crossentropy").withEpochs(2).withValidationSplit(0.2);
        return new Project(b.graph(), s, new DatasetChoice("imdb", Map.of()), List.of());
    }

    static Map<String, Project> all() {
        return Map.of("mnist-mlp", mnistMlp(), "mnist-cnn", mnistCnn(), "functional-merge", functionalMerge(),
                "imdb-lstm", imdbLstm());
    }
}
