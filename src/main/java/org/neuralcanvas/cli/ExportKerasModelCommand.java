package org.neuralcanvas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.engine.io.ModelFileException;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.keras.KerasModelWriter;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;

/**
 * {@code export-keras-model MODEL.nc.zip OUT.keras|OUT.h5 [--force]}: a trained model as a file Keras 3's
 * {@code keras.models.load_model} opens, with its weights and compile settings.
 */
public final class ExportKerasModelCommand implements CliCommand {

    @Override
    public String name() {
        return "export-keras-model";
    }

    @Override
    public String usage() {
        return "export-keras-model MODEL.nc.zip OUT.keras|OUT.h5 [--force]  a trained model as a Keras 3 model file";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>(args);
        boolean force = positional.remove("--force");
        if (positional.size() != 2 || positional.stream().anyMatch(a -> a.startsWith("--"))) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path target = Path.of(positional.get(1));
        String name = target.getFileName().toString();
        if (!name.endsWith(".keras") && !name.endsWith(".h5")) {
            err.println(name + " must end in .keras (Keras 3's format) or .h5 (Keras's older HDF5 format).");
            return 1;
        }
        if (Files.exists(target) && !force) {
            err.println(target + " exists. Add --force to replace it, or choose another name.");
            return 1;
        }
        try {
            TrainedModel model = ModelStore.load(Path.of(positional.get(0)));
            Project project = new Project(model.compiled().graph(), model.compiled().settings(),
                    DatasetChoice.none(), List.of());
            KerasModelWriter.write(model, project, ExportWriter.modelNameFor(target), target);
        } catch (ModelFileException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not save " + target + " (" + e.getMessage() + "). Check the folder and try again.");
            return 1;
        }
        out.println("Wrote " + target + " (load it in Keras 3 with keras.models.load_model('" + name + "'))");
        return 0;
    }
}
