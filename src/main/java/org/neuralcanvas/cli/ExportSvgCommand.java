package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;

/**
 * {@code export-svg PROJECT.json OUT.svg|OUT.png}: writes the model diagram, the same file the
 * File menu's export writes (both go through {@link ExportWriter}).
 */
public final class ExportSvgCommand implements CliCommand {

    private final ExportWriter writer;

    public ExportSvgCommand() {
        this(new ExportWriter());
    }

    public ExportSvgCommand(ExportWriter writer) {
        this.writer = writer;
    }

    @Override
    public String name() {
        return "export-svg";
    }

    @Override
    public String usage() {
        return "export-svg PROJECT.json OUT.svg  write the model diagram (.svg, or .png for an image)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path target = Path.of(args.get(1));
        if (!ExportWriter.isDiagramFile(target)) {
            err.println("Cannot tell the diagram format from '" + target.getFileName()
                    + "'. Name the file with .svg (vector) or .png (image).");
            return 2;
        }
        Project project;
        try {
            project = ProjectFile.read(Path.of(args.get(0)));
        } catch (ProjectFileException e) {
            err.println(e.getMessage());
            return 1;
        }
        try {
            writer.writeDiagram(project.graph(), target);
        } catch (ExportException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("Wrote " + target);
        return 0;
    }
}
