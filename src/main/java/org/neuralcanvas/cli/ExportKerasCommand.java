package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;

/** {@code export-keras PROJECT.json OUT.py}: writes the Keras script that builds, compiles and trains the model. */
public final class ExportKerasCommand implements CliCommand {

    @Override
    public String name() {
        return "export-keras";
    }

    @Override
    public String usage() {
        return "export-keras PROJECT.json OUT.py write a Keras Python script that builds and trains the model";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path target = Path.of(args.get(1));
        try {
            new ExportWriter().writeKerasCode(ProjectFile.read(Path.of(args.get(0))), target);
        } catch (ProjectFileException | ExportException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("Wrote " + target);
        return 0;
    }
}
