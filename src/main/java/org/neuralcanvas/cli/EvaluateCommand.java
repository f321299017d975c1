package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.engine.data.StandardDataSource;
import org.neuralcanvas.engine.eval.EvaluationReport;
import org.neuralcanvas.engine.eval.Evaluator;
import org.neuralcanvas.engine.io.ModelFileException;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.engine.train.TrainingFailure;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;

/**
 * {@code evaluate MODEL.nc.zip [--dataset NAME]}: Keras's {@code model.evaluate} on a dataset's test
 * set — the loss and the metrics the model was compiled with — for a model trained here or imported
 * from Keras ({@code import-keras --model}).
 */
public final class EvaluateCommand implements CliCommand {

    private final TrainingDataSource data;

    public EvaluateCommand(TrainingDataSource data) {
        this.data = data;
    }

    public EvaluateCommand() {
        this(StandardDataSource.create());
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate MODEL.nc.zip [--dataset NAME]  the loss and metrics on the dataset's test set";
    }

    private TrainingData openWithFittingLayout(DatasetChoice choice, TrainedModel model, PrintStream out) {
        for (FeatureLayout layout : FeatureLayout.values()) {
            Map<String, String> options = new LinkedHashMap<>(choice.options());
            options.put("layout", layout.name().toLowerCase(Locale.ROOT));
            try {
                TrainingData opened = data.open(new DatasetChoice(choice.datasetId(), options), model.compiled(),
                        model.compiled().settings().batchSize());
                out.println("Layout: " + options.get("layout") + " (the one that fits the model's input)");
                return opened;
            } catch (TrainingFailure e) {
                // this layout does not fit either
            }
        }
        return null;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String datasetId = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--dataset") && i + 1 < args.size()) {
                datasetId = args.get(++i);
            } else if (args.get(i).startsWith("--")) {
                err.println("Usage: " + usage());
                return 2;
            } else {
                positional.add(args.get(i));
            }
        }
        if (positional.size() != 1) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path file = Path.of(positional.get(0));
        TrainedModel model;
        Project project;
        try {
            model = ModelStore.load(file);
            project = ModelStore.readProject(file);
        } catch (ModelFileException e) {
            err.println(e.getMessage());
            return 1;
        }
        DatasetChoice choice = datasetId != null ? new DatasetChoice(datasetId, project.dataset().options())
                : project.dataset();
        if (!choice.isChosen()) {
            err.println(file.getFileName() + " names no dataset. Choose one with --dataset (available: "
                    + String.join(", ", data.datasetIds()) + ").");
            return 1;
        }
        TrainingData test;
        try {
            test = data.open(choice, model.compiled(), model.compiled().settings().batchSize());
        } catch (TrainingFailure e) {
            // A model imported from Keras names no layout: take the dataset's layout that fits its input, if one does.
            test = choice.options().containsKey("layout") ? null : openWithFittingLayout(choice, model, out);
            if (test == null) {
                err.println(e.getMessage());
                return 1;
            }
        }
        if (test.test() == null) {
            err.println(choice.datasetId() + " has no test set to evaluate on.");
            return 1;
        }
        EvaluationReport report = Evaluator.evaluate(model, test.test());
        out.println(KerasProgress.testLine(report));
        return 0;
    }
}
