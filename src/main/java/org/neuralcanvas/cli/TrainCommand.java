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
import org.neuralcanvas.engine.backend.Backends;
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
import org.neuralcanvas.project.ValidationPlan;
import org.neuralcanvas.project.FoldSummary;

/**
 * {@code train PROJECT.json [--dataset NAME] [--epochs N] [--batch-size N] [--validation split|test] [--kfold K]
 * [--out DIR] [--report OUT.html] [--force]}: Keras's {@code fit} then {@code evaluate}, with Keras-style progress;
 * writes {@code NAME.nc.zip} (the trained model) and {@code NAME-history.csv} into the output folder (default: the
 * project's folder), and with {@code --report} the run's reproducibility report (the project file itself is never
 * changed, so {@code report PROJECT.json} cannot find a run trained here). With {@code --kfold K} (or a project whose validation is K-fold) it cross-validates instead: one line per
 * fold, a table of their scores, and the mean curve as {@code NAME-history.csv}; no model is saved, since the final
 * one trains on all the training data for the epochs the table suggests.
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
        return "train PROJECT.json [--dataset NAME] [--epochs N] [--batch-size N] [--validation split|test] [--kfold K] "
                + "[--out DIR] [--report OUT.html] [--force]  train and save the model (--force replaces an earlier run's "
                + "model; --kfold K cross-validates in K folds and saves no model; --report writes the run's report)";
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
                if (!List.of("--dataset", "--epochs", "--batch-size", "--out", "--validation", "--kfold", "--report").contains(a) || i + 1 >= args.size()) {
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
        if (options.containsKey("--report") && !ExportWriter.isReportFile(Path.of(options.get("--report")))) {
            // Said before training: a run of minutes should not end in a file name it cannot use.
            err.println("--report names an HTML file: end it with .html, not '" + options.get("--report") + "'.");
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
        settings = validation(options, settings);
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
        if (settings.validation().isKFold()) {
            return crossValidate(project, settings, choice, outDir.resolve(name + "-history.csv"), out, err);
        }
        Path earlier = outDir.resolve(name + ModelStore.EXTENSION);
        if (Files.exists(earlier) && !options.containsKey("--force")) {
            throw new CliException(earlier + " exists from an earlier run. Add --force to replace it, or --out DIR to "
                    + "write the model somewhere else.");
        }
        KerasProgress progress = new KerasProgress(out, settings.epochs(), System.console() != null);
        // The window's pipeline: compile, prepare the data, train, evaluate, record (the same ids and outcome words).
        RunRequest request = new RunRequest(RunRecord.nextId(project), Instant.now().toString(), project.graph(), settings,
                choice, null, null, outDir);
        RunOutcome outcome = await(new TrainingRun(data, request, progress));
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
        if (options.containsKey("--report")) {
            Path report = Path.of(options.get("--report"));
            // The run as the window would keep it: in its project, so the report finds the tutorial's result too.
            Project withRun = new Project(project.graph(), project.settings(), project.dataset(), project.runs(),
                    project.published().orElse(null));
            withRun.addRun(outcome.record());
            try {
                ReportCommand.write(withRun, name, outcome.record(), new Backends().describeInWords(), report);
                out.println("Wrote the report of " + outcome.record().id() + " to " + report);
            } catch (ExportException e) {
                throw new CliException(e.getMessage());
            }
        }
        return outcome.failed() ? 1 : 0;
    }

    /** {@code --validation split|test} and {@code --kfold K} over the file's validation plan. */
    private static TrainingSettings validation(Map<String, String> options, TrainingSettings s) throws CliException {
        String v = options.get("--validation");
        if (v != null) {
            s = switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "split" -> s.withValidation(s.validation().withKind(ValidationPlan.Kind.SPLIT));
                case "test", "test_set" -> s.withValidation(s.validation().withKind(ValidationPlan.Kind.TEST_SET));
                default -> throw new CliException("--validation is split (validation_split of the training data) or test "
                        + "(validate on the test set), not '" + v + "'. For K folds use --kfold K.");
            };
        }
        if (options.containsKey("--kfold")) {
            s = s.withValidation(ValidationPlan.kFold(whole(options, "--kfold", 0)));
        }
        return s;
    }

    /** K-fold: the folds one after another, a line for each, then their table; the mean curve as the history CSV. */
    private int crossValidate(Project project, TrainingSettings settings, DatasetChoice choice, Path csv, PrintStream out,
                              PrintStream err) throws CliException {
        FoldProgress progress = new FoldProgress(out, settings.epochs());
        RunRequest request = new RunRequest(RunRecord.nextId(project), Instant.now().toString(), project.graph(), settings,
                choice, null, null, null);
        RunOutcome outcome = await(new TrainingRun(data, request, progress));
        if (outcome.end() == null) {
            throw new CliException(outcome.message());
        }
        if (!outcome.trainedAny()) {
            err.println(progress.endMessage().isEmpty() ? "No epoch was trained." : progress.endMessage());
            return 1;
        }
        if (outcome.failed()) {
            err.println(progress.endMessage());
        }
        FoldSummary summary = FoldSummary.of(outcome.record().folds(), settings);
        FoldProgress.table(summary).forEach(out::println);
        try {
            new ExportWriter().writeHistoryCsv(outcome.record(), csv);
        } catch (ExportException e) {
            throw new CliException("The mean curve could not be saved as " + csv + ": " + e.getMessage());
        }
        out.println("Saved the folds' mean curve as " + csv.getFileName() + ". No model is saved: train the final model on "
                + "all the training data with --validation split --epochs " + Math.max(1, summary.bestEpoch()) + ".");
        return outcome.failed() ? 1 : 0;
    }

    /** Runs a training run on this thread to its end; the CLI's sentences for an interruption or a failure. */
    static RunOutcome await(TrainingRun run) throws CliException {
        try {
            return run.start(Runnable::run).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Training was interrupted.");
        } catch (ExecutionException e) {
            throw new CliException("Training failed: " + e.getCause().getMessage());
        }
    }

    /** An option's whole number (its range is checked with the file's settings), or the file's value without it. */
    static int whole(Map<String, String> options, String key, int fallback) throws CliException {
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
