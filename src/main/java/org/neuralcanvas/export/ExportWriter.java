package org.neuralcanvas.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.project.AtomicFiles;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.RunRecord;

/**
 * Saves exports: the only part of export that touches the disk. Each file is written
 * atomically, so a failed export never leaves half a file over a good one. The File menu and
 * the {@code export-svg} command both come here, so they produce the same files.
 */
public final class ExportWriter {

    private final SvgDiagramExporter svg;
    private final PngDiagramRenderer png;
    private final KerasCodeExporter keras;
    private final HistoryCsvExporter csv;
    private final RunReportExporter report;

    public ExportWriter() {
        this(new SvgDiagramExporter(), new PngDiagramRenderer(), new KerasCodeExporter(), new HistoryCsvExporter());
    }

    public ExportWriter(SvgDiagramExporter svg, PngDiagramRenderer png, KerasCodeExporter keras, HistoryCsvExporter csv) {
        this.svg = svg;
        this.png = png;
        this.keras = keras;
        this.csv = csv;
        this.report = new RunReportExporter(svg, keras);
    }

    /** Whether {@link #writeDiagram} can write a file with this name (.svg or .png). */
    public static boolean isDiagramFile(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".svg") || name.endsWith(".png");
    }

    /** Writes the model diagram as SVG or PNG, chosen by the file's ending. */
    public void writeDiagram(ModelGraph graph, Path target) throws ExportException {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            write(target, svg.export(graph).getBytes(StandardCharsets.UTF_8));
        } else if (name.endsWith(".png")) {
            try {
                write(target, png.png(graph, PngDiagramRenderer.DEFAULT_SCALE));
            } catch (IOException e) {
                throw failure(target, e);
            }
        } else {
            throw new ExportException("Cannot tell the diagram format from '" + target.getFileName()
                    + "'. Name the file with .svg (vector) or .png (image).");
        }
    }

    /** Writes a Python script that builds, compiles and trains the model with Keras. */
    /** Refuses a model with problems: its script would stop in Keras at the first one. */
    public void writeKerasCode(Project project, String modelName, Path target) throws ExportException {
        var problems = ShapeInference.infer(project.graph()).problems();
        if (!problems.isEmpty()) {
            throw new ExportException("The model has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + ", so its Keras code would not run: " + problems.get(0).message()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more in the Problems tab)" : "")
                    + " Fix " + (problems.size() == 1 ? "it" : "them") + " and export again.");
        }
        write(target, keras.export(project, modelName).getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #writeKerasCode(Project, String, Path)}, naming the model after the file ({@code mnist_cnn.py} → {@code mnist_cnn}). */
    public void writeKerasCode(Project project, Path target) throws ExportException {
        writeKerasCode(project, modelNameFor(target), target);
    }

    /** A Keras model name from a file name: its stem, with characters Keras does not allow replaced by '_'. */
    public static String modelNameFor(Path target) {
        return modelNameFor(target.getFileName().toString());
    }

    /** As {@link #modelNameFor(Path)}, from a file name ({@code mnist.ncproj.json} → {@code mnist}). */
    public static String modelNameFor(String fileName) {
        String stem = fileName.replaceFirst("(\\.ncproj)?\\.[^.]*$", "");
        String name = stem.replaceAll("[^A-Za-z0-9_.\\-]", "_");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "model_" + name : name;
    }

    /** Whether {@link #writeReport} writes a file with this name: a report is one HTML file. */
    public static boolean isReportFile(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    /** Writes a run's reproducibility report, one self-contained HTML file ({@link RunReportExporter}). */
    public void writeReport(Project project, String projectName, RunRecord run, ReportFacts facts, Path target)
            throws ExportException {
        if (!isReportFile(target)) {
            throw new ExportException("A report is an HTML file: name it with .html (for example "
                    + projectName + "-" + run.id() + ".html).");
        }
        write(target, report.export(project, projectName, run, facts).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one run's per-epoch history as CSV. */
    public void writeHistoryCsv(RunRecord run, Path target) throws ExportException {
        write(target, csv.export(run).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path target, byte[] bytes) throws ExportException {
        try {
            AtomicFiles.write(target, out -> out.write(bytes));
        } catch (IOException e) {
            throw failure(target, e);
        }
    }

    private static ExportException failure(Path target, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ExportException("Could not save " + target + " (" + why + "). Check that the folder exists, "
                + "that you may write there and that the disk is not full, then export again.", e);
    }
}
