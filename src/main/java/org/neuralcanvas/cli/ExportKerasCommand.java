package org.neuralcanvas.cli;

import java.nio.file.Path;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.Project;

/** {@code export-keras PROJECT.json OUT.py}: writes the Keras script that builds, compiles and trains the model. */
public final class ExportKerasCommand extends ProjectExportCommand {

    @Override
    public String name() {
        return "export-keras";
    }

    @Override
    public String usage() {
        return "export-keras PROJECT.json OUT.py write a Keras Python script that builds and trains the model";
    }

    @Override
    void write(Project project, Path target) throws ExportException {
        new ExportWriter().writeKerasCode(project, target);
    }
}
