package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.engine.data.StandardDataSource;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.engine.run.RunOutcome;
import org.neuralcanvas.engine.run.RunRequest;
import org.neuralcanvas.engine.run.TrainingRun;
import org.neuralcanvas.engine.train.KerasLine;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;
import org.neuralcanvas.project.RunRow;
import org.neuralcanvas.project.SweepPlan;
import org.neuralcanvas.project.TrainingSettings;

/**
 * {@code sweep PROJECT.json --search SETTING=V1,V2… [--search …] [--random N] [--budget N] [--epochs N] [--dataset NAME]}:
 * a grid (or random) search, each trial an ordinary run of the project's model with its values put in, one after
 * another; a Keras-style line per trial, then a table of the trials with the best marked. Nothing is saved: train the
 * best trial's values with {@code train} (or in the window, where each trial is a run in the Runs table).
 */
public final class SweepCommand implements CliCommand {

    private final TrainingDataSource data;

    public SweepCommand(TrainingDataSource data) {
        this.data = data;
    }

    public SweepCommand() {
        this(StandardDataSource.create());
    }

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String usage() {
        return "sweep PROJECT.json --search SETTING=V1,V2 [--search ...] [--random N] [--budget N] [--epochs N] "
                + "[--dataset NAME]  search over learning_rate, batch_size or PARAM:LAYER (units:dense), a run per trial";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String projectArg = null;
        List<SweepPlan.Axis> axes = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--")) {
                    if (!List.of("--search", "--random", "--budget", "--epochs", "--dataset").contains(a) || i + 1 >= args.size()) {
                        err.println("Usage: " + usage());
                        return 2;
                    }
                    String v = args.get(++i);
                    if (a.equals("--search")) {
                        axes.add(SweepPlan.Axis.parse(v));
                    } else {
                        options.put(a, v);
                    }
                } else if (projectArg == null) {
                    projectArg = a;
                } else {
                    err.println("Usage: " + usage());
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (projectArg == null || axes.isEmpty()) {
            err.println("Usage: " + usage());
            return 2;
        }
        try {
            return sweep(Path.of(projectArg), axes, options, out, err);
        } catch (CliException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int sweep(Path file, List<SweepPlan.Axis> axes, Map<String, String> options, PrintStream out, PrintStream err)
            throws CliException {
        Project project;
        try {
            project = ProjectFile.read(file);
        } catch (ProjectFileException e) {
            throw new CliException(e.getMessage());
        }
        TrainingSettings base = project.settings().withEpochs(TrainCommand.whole(options, "--epochs", project.settings().epochs()));
        if (base.validation().isKFold()) {
            throw new CliException("A search trains one run per trial; the project validates in K folds. Use "
                    + "train --kfold K for cross-validation, or set the validation to a split for the search.");
        }
        boolean random = options.containsKey("--random");
        int budget = random ? TrainCommand.whole(options, "--random", 0) : TrainCommand.whole(options, "--budget", 0);
        SweepPlan plan = new SweepPlan(axes, random, budget, base.seed());
        List<SweepPlan.Trial> trials;
        try {
            trials = plan.trials(project.graph(), base);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        DatasetChoice choice = options.containsKey("--dataset")
                ? new DatasetChoice(options.get("--dataset"), project.dataset().options()) : project.dataset();
        if (!choice.isChosen()) {
            throw new CliException("The project has no dataset. Choose one with --dataset (available: "
                    + String.join(", ", data.datasetIds()) + ").");
        }
        out.println("Searching " + trials.size() + " trials (" + plan.mode() + "), one after another:");
        List<RunRow> rows = new ArrayList<>();
        for (SweepPlan.Trial t : trials) {
            RunRequest request = new RunRequest("trial-" + t.number(), Instant.now().toString(), t.graph(), t.settings(),
                    choice, null, null, null);
            long start = System.nanoTime();
            RunOutcome outcome = TrainCommand.await(new TrainingRun(data, request, e -> { }));
            if (outcome.record() == null) {
                throw new CliException("Trial " + t.number() + " (" + t.label() + ") did not start: " + outcome.message());
            }
            RunRow row = RunRow.of(outcome.record());
            rows.add(row);
            String test = Double.isFinite(row.test()) ? " - test " + row.testKey() + ": " + KerasLine.format(row.test()) : "";
            out.println(KerasLine.resultLine("Trial " + t.number() + "/" + trials.size() + " [" + t.label() + "]",
                    outcome.record().history(), (System.nanoTime() - start) / 1e9) + test);
            out.flush();
        }
        table(trials, rows).forEach(out::println);
        return 0;
    }

    /** One line per trial: its values, best validation score and test score; the best marked. */
    static List<String> table(List<SweepPlan.Trial> trials, List<RunRow> rows) {
        int best = RunRow.bestOf(rows);
        List<String> lines = new ArrayList<>();
        String key = rows.isEmpty() ? "val_loss" : rows.get(0).key();
        String testKey = rows.isEmpty() ? "loss" : rows.get(0).testKey();
        lines.add(String.format(Locale.ROOT, "%-6s %-40s %-18s %s", "trial", "values", "best " + key, "test " + testKey));
        for (int i = 0; i < rows.size(); i++) {
            RunRow r = rows.get(i);
            lines.add(String.format(Locale.ROOT, "%-6d %-40s %-18s %s%s", trials.get(i).number(), trials.get(i).label(),
                    Double.isFinite(r.best()) ? KerasLine.format(r.best()) + " @" + r.bestEpoch() : "-",
                    Double.isFinite(r.test()) ? KerasLine.format(r.test()) : "-", i == best ? "   <- best" : ""));
        }
        return lines;
    }
}
