package org.neuralcanvas.engine.keras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.neuralcanvas.domain.text.ByteSizes;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;
import org.slf4j.LoggerFactory;

/**
 * Opens a Keras model file ({@code .h5} of Keras 1, 2 or 3, or Keras 3's {@code .keras} zip;
 * Sequential or functional) as an editable project, with its trained weights wherever every
 * weighted layer maps onto ours. Everything is read by our own code: the graph from the file's
 * model description ({@link KerasGraphBuilder}), the weights with a pure-Java HDF5 reader
 * ({@link KerasWeightLoader}); DL4J's Keras import is not used, so no file can crash the process
 * in native code. Runs on the caller's thread, with the file's reading bounded in time;
 * {@link KerasImportTask} runs it in the background.
 */
public final class KerasImporter {

    private static final Sentences SAY = EngineSentences.SAY;

    /** Wraps the file's weight source; tests use it to make reading slow. */
    private final UnaryOperator<KerasWeightSource> sources;

    public KerasImporter() {
        this(source -> source);
    }

    KerasImporter(UnaryOperator<KerasWeightSource> sources) {
        this.sources = sources;
    }

    /**
     * Imports a file.
     *
     * @param cancelled polled between steps and while the file is read; when it turns true the import stops
     * @throws KerasImportException with the user's sentence when the file cannot be opened at all
     * @throws CancellationException when cancelled
     */
    public KerasImportResult importFile(Path file, KerasImportOptions options, ImportProgress progress,
                                        BooleanSupplier cancelled) throws KerasImportException {
        String name = KerasFile.name(file);
        progress.update(0.05, SAY.say("keras.step.reading", name));
        long maxWeights = options.loadWeights() ? options.maxWeightBytes() : 0;
        KerasFile keras = bounded("keras-import-read", () -> KerasFile.open(file, maxWeights), file, options,
                cancelled);
        boolean finished = false;
        try {
            checkCancel(cancelled);
            progress.update(0.2, SAY.say("keras.step.graph"));
            KerasModelConfig config = KerasModelConfig.parse(keras.modelConfig());
            KerasGraphBuilder.Built built = KerasGraphBuilder.build(config);
            if (built.graph().nodes().isEmpty()) {
                throw new KerasImportException(SAY.say("keras.noLayers", name,
                        String.join(" ", built.issues().stream().map(ImportIssue::message).toList())));
            }
            String training = keras.trainingConfig();
            TrainingSettings settings = training != null && training.contains("\"loss\"")
                    ? TrainingConfigReader.read(training)
                    : TrainingConfigReader.forOutputOf(built.graph());
            Project project = new Project(built.graph(), settings, DatasetChoice.none(), List.of());
            checkCancel(cancelled);

            KerasWeightLoader.Loaded loaded;
            if (!options.loadWeights()) {
                loaded = new KerasWeightLoader.Loaded(null, 0, List.of(SAY.say("keras.architectureOnly")));
            } else if (size(file) > options.maxWeightBytes() || keras.weightsTooLarge()) {
                loaded = new KerasWeightLoader.Loaded(null, 0, List.of(SAY.say("keras.tooLarge",
                        ByteSizes.human(size(file)), ByteSizes.human(options.maxWeightBytes()))));
            } else {
                progress.update(0.4, SAY.say("keras.step.weights"));
                loaded = loadWeights(project, config, built, () -> sources.apply(keras.weights(config)),
                        keras.backend(), file, options, cancelled);
            }
            finished = true;
            progress.update(1.0, SAY.say("keras.step.done", name));
            return new KerasImportResult(project, config.name(), keras.kerasVersion(), loaded.model(),
                    built.issues(), loaded.messages(), loaded.weights());
        } catch (KerasImportException | CancellationException e) {
            finished = true;
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Whatever a damaged file makes the reader or the graph builder throw is the file's fault: one sentence.
            finished = true;
            LoggerFactory.getLogger(KerasImporter.class).info("Could not import {}", file, e);
            throw new KerasImportException(SAY.say("keras.damaged", name), e);
        } finally {
            // After a time-out the abandoned reader may still be using the file; it is closed when collected.
            if (finished) {
                keras.close();
            }
        }
    }

    /**
     * Opens the architecture of a model from its JSON description alone ({@code model.to_json()},
     * or the {@code model_config} of a file), without weights.
     */
    public KerasImportResult importModelJson(String json) throws KerasImportException {
        KerasModelConfig config = KerasModelConfig.parse(json);
        KerasGraphBuilder.Built built = KerasGraphBuilder.build(config);
        Project project = new Project(built.graph(), TrainingSettings.defaults(), DatasetChoice.none(), List.of());
        return new KerasImportResult(project, config.name(), "", null, built.issues(),
                List.of(SAY.say("keras.architectureOnly")), 0);
    }

    /** Weights that take too long or cannot be read leave the architecture open, with the reason. */
    private static KerasWeightLoader.Loaded loadWeights(Project project, KerasModelConfig config,
                                                        KerasGraphBuilder.Built built,
                                                        Supplier<KerasWeightSource> source,
                                                        String backend, Path file, KerasImportOptions options,
                                                        BooleanSupplier cancelled) {
        try {
            return BoundedCall.run("keras-import-weights",
                    () -> KerasWeightLoader.load(project, config, built, source.get(), backend, options.maxWeightBytes(),
                            cancelled),
                    options.timeout(),
                    cancelled);
        } catch (BoundedCall.TimedOut e) {
            return new KerasWeightLoader.Loaded(null, 0, List.of(SAY.say("keras.weightsTimeout",
                    String.valueOf(options.timeout().toSeconds()))));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException c) {
                throw c;
            }
            LoggerFactory.getLogger(KerasImporter.class).info("Could not load the weights of {}", file, e.getCause());
            return new KerasWeightLoader.Loaded(null, 0, List.of(SAY.say("keras.weightsFailed",
                    KerasFile.name(file))));
        }
    }

    /** Reading runs on a thread of its own with a time bound, so a file that makes the reader loop cannot hang us. */
    private static <T> T bounded(String thread, Callable<T> work, Path file,
                                 KerasImportOptions options, BooleanSupplier cancelled) throws KerasImportException {
        try {
            return BoundedCall.run(thread, work, options.timeout(), cancelled);
        } catch (BoundedCall.TimedOut e) {
            throw new KerasImportException(SAY.say("keras.readTimeout", KerasFile.name(file),
                    String.valueOf(options.timeout().toSeconds())));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KerasImportException k) {
                throw k;
            }
            if (e.getCause() instanceof CancellationException c) {
                throw c;
            }
            LoggerFactory.getLogger(KerasImporter.class).info("Could not read {}", file, e.getCause());
            throw new KerasImportException(SAY.say("keras.unreadable", KerasFile.name(file)), e.getCause());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void checkCancel(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Import cancelled.");
        }
    }
}
