package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuralcanvas.domain.text.FailureReasons;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.project.AppFolders;
import org.neuralcanvas.project.templates.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line: the app's jobs without a window, for scripts and CI.
 * {@code mvn -q exec:java -Dexec.args="summary model.ncproj.json"}.
 */
public final class NeuralCanvasCli {

    private static final Logger LOG = LoggerFactory.getLogger(NeuralCanvasCli.class);

    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    public NeuralCanvasCli(List<CliCommand> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** Every command the app has. Add a new command here. */
    public static NeuralCanvasCli standard() {
        return new NeuralCanvasCli(List.of(new NewCommand(new Templates()), new SummaryCommand(), new TrainCommand(), new ExportSvgCommand(),
                new ExportKerasCommand(), new ImportKerasCommand(), new PredictCommand(),
                new ExportKerasModelCommand(), new EvaluateCommand(), new ReportCommand(), new SweepCommand()));
    }

    public static void main(String[] args) {
        // Before anything touches ND4J: pick the CPU build and native settings for this processor.
        new Backends().ensureSelected();
        System.exit(standard().run(List.of(args), System.out, System.err));
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            printHelp(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        CliCommand command = commands.get(args.get(0));
        if (command == null) {
            err.println("Unknown command '" + args.get(0) + "'.");
            printHelp(err);
            return 2;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (RuntimeException | Error e) {
            // The one catch-all of the command line: a sentence for the user, the whole story in the log.
            LOG.error("The command '{}' failed unexpectedly", command.name(), e);
            err.println(unexpectedFailure(command.name(), e));
            return 1;
        }
    }

    /**
     * What the user reads when a command fails in a way no command foresaw: which command, the innermost reason
     * that says something, and where the details are. Never a stack trace or an exception's class name.
     */
    static String unexpectedFailure(String command, Throwable e) {
        return "NeuralCanvas could not finish '" + command + "': " + FailureReasons.of(e)
                + ". The details are in the log file " + AppFolders.logFile() + ".";
    }

    private void printHelp(PrintStream to) {
        to.println("NeuralCanvas command line. Commands:");
        commands.values().forEach(c -> to.println("  " + c.usage()));
    }
}
