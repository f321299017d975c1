package org.neuralcanvas.engine.keras;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a Keras {@code .h5} file (Keras 1 or 2, Sequential or functional, as {@code model.save}
 * writes it) as an editable project, and where DL4J can build the network, with its trained
 * weights. The graph always comes from the file's {@code model_config}, read by us: DL4J turns
 * some layers into preprocessors and rejects others, so its network is used for the weights and
 * its weight count only as a cross-check. Runs on the caller's thread; {@link KerasImportTask}
 * runs it in the background.
 */
public final class KerasImporter {

    /** Builds the DL4J network of a file; replaceable in tests. */
    @FunctionalInterface
    public interface NetworkLoader {
        ComputationGraph load(Path file, boolean sequential) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(KerasImporter.class);
    private static final Sentences SAY = EngineSentences.SAY;
    private static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofSeconds(30);

    private final NetworkLoader loader;

    public KerasImporter() {
        this(Dl4jKerasLoader::load);
    }

    public KerasImporter(NetworkLoader loader) {
        this.loader = loader;
    }

    /**
     * Imports a file.
     *
     * @param cancelled polled between steps and while DL4J works; when it turns true the import stops
     * @throws KerasImportException with the user's sentence when the file cannot be opened at all
     * @throws CancellationException when cancelled
     */
    public KerasImportResult importFile(Path file, KerasImportOptions options, ImportProgress progress,
                                        BooleanSupplier cancelled) throws KerasImportException {
        String name = String.valueOf(file.getFileName());
        progress.update(0.05, SAY.say("keras.step.reading", name));
        KerasH5File h5 = readBounded(file, cancelled);
        checkCancel(cancelled);

        progress.update(0.2, SAY.say("keras.step.graph"));
        KerasModelConfig config = KerasModelConfig.parse(h5.modelConfig());
        KerasGraphBuilder.Built built = KerasGraphBuilder.build(config);
        if (built.graph().nodes().isEmpty()) {
            throw new KerasImportException(SAY.say("keras.noLayers", name,
                    String.join(" ", built.issues().stream().map(ImportIssue::message).toList())));
        }
        TrainingSettings settings = h5.trainingConfig() != null && h5.trainingConfig().contains("\"loss\"")
                ? TrainingConfigReader.read(h5.trainingConfig())
                : TrainingConfigReader.forOutputOf(built.graph());
        Project project = new Project(built.graph(), settings, DatasetChoice.none(), List.of());
        ModelSummary summary = ModelSummary.of(built.graph(), ShapeInference.infer(built.graph()));
        checkCancel(cancelled);

        List<ImportIssue> issues = new ArrayList<>(built.issues());
        List<String> messages = new ArrayList<>();
        ComputationGraph network = null;
        if (!options.loadWeights()) {
            messages.add(SAY.say("keras.architectureOnly"));
        } else if (!built.issues().stream().allMatch(i -> i.severity() != ImportIssue.Severity.LEFT_OUT)) {
            messages.add(SAY.say("keras.weightsLeftOut"));
        } else if (size(file) > options.maxWeightBytes()) {
            messages.add(SAY.say("keras.tooLarge", human(size(file)), human(options.maxWeightBytes())));
        } else {
            progress.update(0.4, SAY.say("keras.step.weights"));
            network = buildNetwork(file, config.sequential(), options, cancelled, built.graph(), issues, messages);
            if (network != null && network.numParams() != summary.totalParams()) {
                // Counts grouped as they always were (55,050), in either language.
                messages.add(SAY.say("keras.countsDiffer", String.format(Locale.ROOT, "%,d", network.numParams()),
                        String.format(Locale.ROOT, "%,d", summary.totalParams())));
            }
        }
        progress.update(1.0, SAY.say("keras.step.done", name));
        return new KerasImportResult(project, config.name(), h5.kerasVersion(), network, issues, messages,
                network == null ? -1 : network.numParams());
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
                List.of(SAY.say("keras.architectureOnly")), -1);
    }

    /** HDF5 reads are native and share DL4J's global lock, so even reading the description gets a time bound. */
    private static KerasH5File readBounded(Path file, BooleanSupplier cancelled) throws KerasImportException {
        try {
            return BoundedCall.run("keras-import-read", () -> KerasH5File.read(file), READ_TIMEOUT, cancelled);
        } catch (BoundedCall.TimedOut e) {
            throw new KerasImportException(SAY.say("keras.readTimeout", String.valueOf(file.getFileName()),
                    String.valueOf(READ_TIMEOUT.toSeconds())));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KerasImportException k) {
                throw k;
            }
            throw new KerasImportException(SAY.say("keras.unreadable", String.valueOf(file.getFileName())),
                    e.getCause());
        }
    }

    private ComputationGraph buildNetwork(Path file, boolean sequential, KerasImportOptions options,
                                          BooleanSupplier cancelled, ModelGraph graph, List<ImportIssue> issues,
                                          List<String> messages) {
        try {
            return BoundedCall.run("keras-import-dl4j", () -> loader.load(file, sequential), options.dl4jTimeout(),
                    cancelled);
        } catch (BoundedCall.TimedOut e) {
            messages.add(SAY.say("keras.dl4jTimeout", String.valueOf(options.dl4jTimeout().toSeconds())));
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.info("DL4J could not import {}", file, cause);
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : firstLine(cause.getMessage());
            messages.add(SAY.say("keras.dl4jCannotBuild", reason));
            graph.nodes().stream().filter(n -> reason.contains(n.name()) || reason.contains(n.kind().kerasName()))
                    .forEach(n -> issues.add(new ImportIssue(n.name(), n.kind().kerasName(),
                            ImportIssue.Severity.NOT_TRAINABLE,
                            SAY.say("keras.layerNotLoaded", n.name(), n.kind().kerasName()))));
            return null;
        }
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse(s).trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** 238 KB, 12.5 MB, 1.0 GB. */
    static String human(long bytes) {
        if (bytes < 1L << 20) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void checkCancel(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Import cancelled.");
        }
    }
}
