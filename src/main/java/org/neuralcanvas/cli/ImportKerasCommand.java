package org.neuralcanvas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.keras.ImportIssue;
import org.neuralcanvas.engine.keras.ImportProgress;
import org.neuralcanvas.engine.keras.KerasImportException;
import org.neuralcanvas.engine.keras.KerasImportOptions;
import org.neuralcanvas.engine.keras.KerasImportResult;
import org.neuralcanvas.engine.keras.KerasImporter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.ProjectFile;

/**
 * {@code import-keras MODEL.h5|MODEL.keras OUT.ncproj.json [--model OUT.nc.zip] [--force]}: opens a Keras
 * model as a project, prints its summary, what could not be kept and how many weights came along, and
 * saves the project; with {@code --model}, also the trained model where the file's weights were kept
 * (and no model file where none were). The Keras file itself is only read.
 */
public final class ImportKerasCommand implements CliCommand {

    @Override
    public String name() {
        return "import-keras";
    }

    @Override
    public String usage() {
        return "import-keras MODEL.h5|MODEL.keras OUT.ncproj.json [--model OUT.nc.zip] [--force]  open a Keras model as "
                + "a project; --model also writes the trained model when its weights came along";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Path modelOut = null;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--model") && i + 1 < args.size()) {
                modelOut = Path.of(args.get(++i));
            } else if (a.equals("--force")) {
                force = true;
            } else if (a.startsWith("--")) {
                err.println("Usage: " + usage());
                return 2;
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 2) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path target = Path.of(positional.get(1));
        for (Path written : modelOut == null ? List.of(target) : List.of(target, modelOut)) {
            if (Files.exists(written) && !force) {
                err.println(written + " exists. Add --force to replace it, or choose another name.");
                return 1;
            }
        }
        KerasImportResult result;
        try {
            result = new KerasImporter().importFile(Path.of(positional.get(0)), KerasImportOptions.defaults(),
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
        try {
            ProjectFile.write(result.project(), target);
        } catch (IOException e) {
            err.println("Could not save " + target + " (" + e.getMessage() + "). Check the folder and try again.");
            return 1;
        }
        out.println("Wrote " + target);
        if (modelOut != null) {
            if (result.trainedModel().isEmpty()) {
                err.println("No model file was written: the file's weights did not come along (see above).");
                return 1;
            }
            try {
                ModelStore.save(result.trainedModel().get(), DatasetChoice.none(), modelOut);
            } catch (IOException e) {
                err.println("Could not save " + modelOut + " (" + e.getMessage() + "). Check the folder and try again.");
                return 1;
            }
            out.println("Wrote " + modelOut + " with " + String.format(Locale.ROOT, "%,d",
                    result.weightCount()) + " trained weights");
        }
        return 0;
    }
}
