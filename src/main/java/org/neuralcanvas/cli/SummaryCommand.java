package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;

/** {@code summary PROJECT.json}: prints Keras's {@code model.summary()} and any problems. */
public final class SummaryCommand implements CliCommand {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String usage() {
        return "summary PROJECT.json            print the Keras-style model summary";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path file = Path.of(args.get(0));
        Project project;
        try {
            project = ProjectFile.read(file);
        } catch (ProjectFileException e) {
            err.println(e.getMessage());
            return 1;
        }
        InferenceResult result = ShapeInference.infer(project.graph());
        out.print(ModelSummary.of(project.graph(), result).toText(modelName(file)));
        for (Problem p : result.problems()) {
            err.println("Problem: " + p.message());
        }
        return result.isValid() ? 0 : 1;
    }

    /** The model name Keras would print: the file name without its ending. */
    static String modelName(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("(\\.ncproj)?\\.json$", "");
    }
}
