package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: the app's jobs without a window, for scripts and CI.
 * {@code mvn -q exec:java -Dexec.args="summary model.ncproj.json"}.
 */
public final class NeuralCanvasCli {

    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    public NeuralCanvasCli(List<CliCommand> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** Every command the app has. Add a new command here. */
    public static NeuralCanvasCli standard() {
        return new NeuralCanvasCli(List.of(new SummaryCommand(), new TrainCommand()));
    }

    public static void main(String[] args) {
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
        return command.run(args.subList(1, args.size()), out, err);
    }

    private void printHelp(PrintStream to) {
        to.println("NeuralCanvas command line. Commands:");
        commands.values().forEach(c -> to.println("  " + c.usage()));
    }
}
