package org.neuralcanvas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.neuralcanvas.engine.backend.Backends;
import org.neuralcanvas.engine.eval.TrainingAdvisor;
import org.neuralcanvas.export.ExportException;
import org.neuralcanvas.export.ExportWriter;
import org.neuralcanvas.export.ReportFacts;
import org.neuralcanvas.project.AppVersions;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;
import org.neuralcanvas.project.RunRecord;

/**
 * {@code report PROJECT.json [RUN-ID] OUT.html}: the reproducibility report of one of the project's runs (the latest
 * when no id is given), the same file as File ▸ Export Report. Exit codes: 0 written, 1 the project, the run or the
 * file failed (a sentence on stderr), 2 wrong arguments.
 */
public final class ReportCommand implements CliCommand {

    private final Supplier<String> backend;

    public ReportCommand() {
        this(() -> new Backends().describeInWords());
    }

    /** @param backend the backend in one line; loading ND4J takes seconds, so it is asked only once a report is due */
    public ReportCommand(Supplier<String> backend) {
        this.backend = backend;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report PROJECT.json [RUN-ID] OUT.html  write a run's reproducibility report (the latest run by default)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 2 || args.size() > 3) {
            err.println("Usage: " + usage());
            return 2;
        }
        Path file = Path.of(args.get(0));
        Path target = Path.of(args.get(args.size() - 1));
        if (!ExportWriter.isReportFile(target)) {
            err.println("A report is an HTML file: name it with .html, not '" + target.getFileName() + "'.");
            return 2;
        }
        Project project;
        try {
            project = ProjectFile.read(file);
        } catch (ProjectFileException e) {
            err.println(e.getMessage());
            return 1;
        }
        List<RunRecord> runs = project.runs();
        if (runs.isEmpty()) {
            err.println(file.getFileName() + " has no runs yet, so there is nothing to report. Train it in the window "
                    + "(runs are kept in the project), or use 'train " + file.getFileName() + " --report OUT.html'.");
            return 1;
        }
        RunRecord run = runs.get(runs.size() - 1);
        if (args.size() == 3) {
            String id = args.get(1);
            run = runs.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
            if (run == null) {
                err.println(file.getFileName() + " has no run '" + id + "'; its runs are "
                        + runs.stream().map(RunRecord::id).collect(Collectors.joining(", ")) + ".");
                return 1;
            }
        }
        try {
            write(project, SummaryCommand.modelName(file), run, backend.get(), target);
        } catch (ExportException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("Wrote the report of " + run.id() + " to " + target);
        return 0;
    }

    /** Writes a run's report with the advisor's notes and this machine's versions; {@code train --report} too. */
    static void write(Project project, String name, RunRecord run, String backend, Path target) throws ExportException {
        List<String> advice = TrainingAdvisor.allNotes(run);
        new ExportWriter().writeReport(project, name, run, new ReportFacts(AppVersions.current(), backend, advice),
                target);
    }
}
