package org.neuralcanvas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.run.RunOutcome;
import org.neuralcanvas.engine.run.RunRequest;
import org.neuralcanvas.engine.run.TrainingRun;
import org.neuralcanvas.engine.data.StandardDataSource;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;
import org.neuralcanvas.project.SettingRanges;
import org.neuralcanvas.project.TrainingSettings;

/**
 * {@code train PROJECT.json [--dataset NAME] [--epochs N] [--batch-size N] [--out DIR] [--force]}: Keras's
 * {@code fit} then {@code evaluate}, with Keras-style progress; writes {@code NAME.nc.zip} (the
 * trained model) and {@code NAME-history.csv} into the output folder (default: the project's folder).
 */
public final class TrainCommand implements CliCommand {

    private final TrainingDataSource data;

    /** Trains on the given data source; the dataset package's adapter will replace the synthetic one. */
    public TrainCommand(TrainingDataSource data) {
        this.data = data;
    }

    /** Trains on the bundled datasets, and on the engine's generated data for quick checks. */
    public TrainCommand() {
        this(StandardDataSource.create());
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "train PROJECT.json [--dataset NAME] [--epochs N] [--batch-size N] [--out DIR] [--force]  train and save "
                + "the model (--force replaces an earlier run's model)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        String projectArg = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--force")) {
                options.put(a, "true");
            } else if (a.startsWith("--")) {
                if (!List.of("--dataset", "--epochs", "--batch-size", "--out").contains(a) || i + 1 >= args.size()) {
                    err.println("Usage: " + usage());
                    return 2;
                }
                options.put(a, args.get(++i));
            } else if (projectArg == null) {
                projectArg = a;
            } else {
                err.println("Usage: " + usage());
                return 2;
            }
        }
        if (projectArg == null) {
            err.println("Usage: " + usage());
            return 2;
        }
        try {
            return train(Path.of(projectArg), options, out, err);
        } catch (CliException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int train(Path file, Map<String, String> options, PrintStream out, PrintStream err) throws CliException {
        Project project;
        try {
            project = ProjectFile.read(file);
        } catch (ProjectFileException e) {
            throw new CliException(e.getMessage());
        }
        TrainingSettings settings = project.settings();
        settings = settings.withEpochs(whole(options, "--epochs", settings.epochs()));
        settings = settings.withBatchSize(whole(options, "--batch-size", settings.batchSize()));
        // The file's values and the options, against the ranges the window's Train panel and the compiler use: the same
        // sentences, before anything is prepared (a batch_size of 0 was a division by zero deep in DL4J).
        List<String> outOfRange = SettingRanges.problems(settings);
        if (!outOfRange.isEmpty()) {
            outOfRange.forEach(p -> err.println(file.getFileName() + ": " + p));
            err.println("Set it in the Train panel; --epochs N and --batch-size N replace the file's values.");
            return 1;
        }
        DatasetChoice choice = options.containsKey("--dataset")
                ? new DatasetChoice(options.get("--dataset"), project.dataset().options()) : project.dataset();
        if (!choice.isChosen()) {
            throw new CliException("The project has no dataset. Choose one with --dataset (available: "
                    + String.join(", ", data.datasetIds()) + ").");
        }
        String name = SummaryCommand.modelName(file);
        Path outDir = options.containsKey("--out") ? Path.of(options.get("--out"))
                : file.toAbsolutePath().getParent();
        Path earlier = outDir.resolve(name + ModelStore.EXTENSION);
        if (Files.exists(earlier) && !options.containsKey("--force")) {
            throw new CliException(earlier + " exists from an earlier run. Add --force to replace it, or --out DIR to "
                    + "write the model somewhere else.");
        }
        KerasProgress progress = new KerasProgress(out, settings.epochs(), System.console() != null);
        // The window's pipeline: compile, prepare the data, train, evaluate, record (the same ids and outcome words).
        RunRequest request = new RunRequest(RunRecord.nextId(project), Instant.now().toString(), project.graph(), settings,
                choice, null, null, outDir);
        RunOutcome outcome;
        try {
            outcome = new TrainingRun(data, request, progress).start(Runnable::run).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Training was interrupted.");
        } catch (ExecutionException e) {
            throw new CliException("Training failed: " + e.getCause().getMessage());
        }
        if (outcome.end() == null) {
            throw new CliException(outcome.message());
        }
        if (!progress.endMessage().isEmpty()) {
            (outcome.failed() ? err : out).println(progress.endMessage());
        }
        if (!outcome.trainedAny()) {
            if (progress.endMessage().isEmpty()) {
                err.println("No epoch was trained, so no model was saved.");
            }
            return 1;
        }
        if (outcome.report() != null) {
            out.println(KerasProgress.testLine(outcome.report()));
        }
        try {
            Path modelFile = outDir.resolve(name + ModelStore.EXTENSION);
            Path csv = outDir.resolve(name + "-history.csv");
            ModelStore.save(outcome.model(), choice, modelFile);
            new ExportWriter().writeHistoryCsv(outcome.record(), csv);
            out.println("Saved " + modelFile + " and " + csv.getFileName());
        } catch (IOException | ExportException e) {
            throw new CliException("The trained model could not be saved in " + outDir + ": " + e.getMessage());
        }
        return outcome.failed() ? 1 : 0;
    }

    /** An option's whole number (its range is checked with the file's settings), or the file's value without it. */
    private static int whole(Map<String, String> options, String key, int fallback) throws CliException {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CliException(key + " needs a whole number, not '" + v + "'.");
        }
    }
}
