package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.util.List;

/** One job of the command line, e.g. {@code summary PROJECT.json}. */
public interface CliCommand {

    /** The word that selects it: {@code summary}, {@code train}, {@code export-svg}. */
    String name();

    /** One line for the help text, with its arguments. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 for success, 1 for a failure the user can fix (the
     *         message has been printed to {@code err}), 2 for bad arguments
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
