package org.neuralcanvas.cli;

import java.nio.file.Path;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.Project;

/**
 * {@code export-svg PROJECT.json OUT.svg|OUT.png}: writes the model diagram, the same file the
 * File menu's export writes (both go through {@link ExportWriter}).
 */
public final class ExportSvgCommand extends ProjectExportCommand {

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
    String refuseTarget(Path target) {
        return ExportWriter.isDiagramFile(target) ? null : "Cannot tell the diagram format from '" + target.getFileName()
                + "'. Name the file with .svg (vector) or .png (image).";
    }

    @Override
    void write(Project project, Path target) throws ExportException {
        writer.writeDiagram(project.graph(), target);
    }
}
