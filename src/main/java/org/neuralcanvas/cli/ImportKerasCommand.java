package org.neuralcanvas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.neuralcanvas.engine.keras.ImportIssue;
import org.neuralcanvas.engine.keras.ImportProgress;
import org.neuralcanvas.engine.keras.KerasImportException;
import org.neuralcanvas.engine.keras.KerasImportOptions;
import org.neuralcanvas.engine.keras.KerasImportResult;
import org.neuralcanvas.engine.keras.KerasImporter;
import org.neuralcanvas.project.ProjectFile;

/**
 * {@code import-keras MODEL.h5 OUT.ncproj.json}: opens a Keras .h5 file as a project, prints its
 * summary and what could not be kept, and saves the project. The file itself is only read.
 */
public final class ImportKerasCommand implements CliCommand {

    @Override
    public String name() {
        return "import-keras";
    }

    @Override
    public String usage() {
        return "import-keras MODEL.h5 OUT.json  open a Keras .h5 model as a project (architecture and summary)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2) {
            err.println("Usage: " + usage());
            return 2;
        }
        KerasImportResult result;
        try {
            result = new KerasImporter().importFile(Path.of(args.get(0)), KerasImportOptions.defaults(),
                    ImportProgress.NONE, () -> false);
        } catch (KerasImportException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.print(result.summary().toText(result.modelName()));
        for (ImportIssue issue : result.issues()) {
            err.println(issue.message());
        }
        result.messages().forEach(err::println);
        if (result.weightsLoaded()) {
            out.println("DL4J built the network with its trained weights (" + result.dl4jParamCount() + " weights).");
        }
        Path target = Path.of(args.get(1));
        try {
            ProjectFile.write(result.project(), target);
        } catch (IOException e) {
            err.println("Could not save " + target + " (" + e.getMessage() + "). Check the folder and try again.");
            return 1;
        }
        out.println("Wrote " + target);
        return 0;
    }
}
