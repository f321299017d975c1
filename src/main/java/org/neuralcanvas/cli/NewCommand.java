package org.neuralcanvas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.project.templates.Templates;

/** {@code new TEMPLATE OUT.ncproj.json}: starts a project from one of the Keras-tutorial templates. */
public final class NewCommand implements CliCommand {

    private final Templates templates;

    public NewCommand(Templates templates) {
        this.templates = templates;
    }

    @Override
    public String name() {
        return "new";
    }

    @Override
    public String usage() {
        return "new TEMPLATE OUT.ncproj.json [--force]     start a project from a template (" + String.join(", ",
                templates.all().stream().map(Template::id).toList()) + ")";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean force = args.contains("--force");
        args = args.stream().filter(a -> !a.equals("--force")).toList();
        if (args.size() != 2) {
            err.println("Usage: " + usage());
            return 2;
        }
        Template template = templates.find(args.get(0)).orElse(null);
        if (template == null) {
            err.println("There is no template '" + args.get(0) + "'. Templates: "
                    + String.join(", ", templates.all().stream().map(Template::id).toList()) + ".");
            return 1;
        }
        Path target = Path.of(args.get(1));
        if (java.nio.file.Files.exists(target) && !force) {
            err.println(target + " exists. Add --force to replace it with a new project, or choose another name.");
            return 1;
        }
        try {
            ProjectFile.write(template.newProject(), target);
        } catch (IOException e) {
            err.println("Could not write " + target + ": " + e.getMessage());
            return 1;
        }
        out.println("Wrote " + target + " from the template " + template.id() + ".");
        return 0;
    }
}
