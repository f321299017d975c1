package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;

/**
 * A command of the form {@code NAME PROJECT.json OUT}: reads the project, writes one file from it,
 * says where. Exit codes: 0 written, 1 the project or the file failed (the reason on stderr),
 * 2 wrong arguments.
 */
abstract class ProjectExportCommand implements CliCommand {

    /** Why {@code target} cannot be written by this command (e.g. an unknown extension), or null. */
    String refuseTarget(Path target) {
        return null;
    }

    abstract void write(Project project, Path target) throws ExportException;

    @Override
    public final int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path target = Path.of(args.get(1));
        String refused = refuseTarget(target);
        if (refused != null) {
            err.println(refused);
            return 2;
        }
        try {
            write(ProjectFile.read(Path.of(args.get(0))), target);
        } catch (ProjectFileException | ExportException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("Wrote " + target);
        return 0;
    }
}
