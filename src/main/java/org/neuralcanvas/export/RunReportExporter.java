package org.neuralcanvas.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.export.report.CurveSvg;
import org.neuralcanvas.export.report.Html;
import org.neuralcanvas.project.BaselineScores;
import org.neuralcanvas.project.CallbackSettings;
import org.neuralcanvas.project.OptimizerKind;
import org.neuralcanvas.project.OptimizerParam;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Optimizers;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.PublishedComparison;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunResults;
import org.neuralcanvas.project.RunSegment;
import org.neuralcanvas.project.TrainingSettings;

/**
 * The reproducibility report of one run: a single self-contained HTML file (no script, no external style, font or
 * image, so it opens in any browser without a network) with the model diagram and summary, the dataset, every
 * setting and the seed, the versions and backend, the curves, the test results and confusion matrix, the advisor's
 * notes, the verdict against the tutorial's published result, and the Keras script that trains the same model.
 * Pure: project and run in, text out; every text from the project is escaped. The document is also well-formed
 * XHTML, which is how the tests check it.
 */
public final class RunReportExporter {

    private static final Sentences SAY = new Sentences("org.neuralcanvas.export.sentences");

    /** Plain, readable, printable; system fonts only. */
    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
                   color: #212529; max-width: 1040px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.2em; border-bottom: 1px solid #dee2e6; padding-bottom: 4px; margin-top: 1.8em; }
            table { border-collapse: collapse; margin: 8px 0; }
            th, td { border: 1px solid #dee2e6; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f1f3f5; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            td.hit { background: #d0ebff; font-weight: 600; }
            tr.sub th { padding-left: 22px; font-weight: normal; }
            pre { background: #f8f9fa; border: 1px solid #dee2e6; padding: 10px; overflow-x: auto; font-size: 0.85em; }
            .muted { color: #5f676f; }
            .verdict { padding: 8px 12px; border-left: 4px solid #1f77b4; background: #f1f7fd; }
            .verdict.worse { border-left-color: #e8590c; background: #fff4e6; }
            .curves svg, .diagram svg { max-width: 100%; height: auto; }
            .curves { display: flex; flex-wrap: wrap; gap: 12px; }
            .diagram { overflow-x: auto; }
            """;

    private final SvgDiagramExporter diagram;
    private final KerasCodeExporter keras;

    public RunReportExporter() {
        this(new SvgDiagramExporter(), new KerasCodeExporter());
    }

    public RunReportExporter(SvgDiagramExporter diagram, KerasCodeExporter keras) {
        this.diagram = diagram;
        this.keras = keras;
    }

    /**
     * @param project     the project the run belongs to (its graph, dataset and published result)
     * @param projectName how the report names it: the file's stem, e.g. {@code mnist}
     * @param run         the run reported on
     * @param facts       versions, backend and advisor notes
     */
    public String export(Project project, String projectName, RunRecord run, ReportFacts facts) {
        StringBuilder h = new StringBuilder(64 * 1024);
        String lang = Locale.getDefault(Locale.Category.DISPLAY).getLanguage().equals("zh") ? "zh-CN" : "en";
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang).append("\">\n");
        h.append("<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(esc(SAY.say("report.title", projectName, run.id()))).append("</title>\n<style>\n")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(SAY.say("report.title", projectName, run.id()))).append("</h1>\n");
        h.append("<p>").append(esc(SAY.say("report.run", run.id(), run.outcome(), run.startedAt(),
                run.history().size()))).append(run.parent() == null ? "" : " " + esc(SAY.say("report.parent",
                run.parent()))).append("</p>\n");
        h.append("<p class=\"muted\">").append(esc(SAY.say("report.intro"))).append("</p>\n");
        published(h, project, run);
        model(h, project, projectName);
        dataset(h, project, run);
        settings(h, run);
        environment(h, facts);
        curves(h, run);
        results(h, run.results());
        advice(h, facts);
        history(h, run);
        script(h, project, projectName, run);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void published(StringBuilder h, Project project, RunRecord run) {
        project.published().flatMap(p -> PublishedComparison.judge(p, run)).ifPresent(v -> {
            heading(h, "report.published");
            h.append("<p class=\"verdict").append(v.worse() ? " worse" : "").append("\">").append(esc(v.sentence()))
                    .append("</p>\n");
        });
    }

    private void model(StringBuilder h, Project project, String projectName) {
        heading(h, "report.model");
        h.append("<p class=\"muted\">").append(esc(SAY.say("report.model.now"))).append("</p>\n");
        h.append("<div class=\"diagram\">\n").append(withoutXmlDeclaration(diagram.export(project.graph())))
                .append("\n</div>\n");
        InferenceResult inference = ShapeInference.infer(project.graph());
        h.append("<pre>").append(esc(ModelSummary.of(project.graph(), inference).toText(projectName))).append("</pre>\n");
        if (!inference.problems().isEmpty()) {
            h.append("<ul>\n");
            inference.problems().forEach(p -> h.append("<li>").append(esc(p.message())).append("</li>\n"));
            h.append("</ul>\n");
        }
    }

    private static void dataset(StringBuilder h, Project project, RunRecord run) {
        heading(h, "report.dataset");
        h.append("<table>\n");
        row(h, SAY.say("report.dataset.id"), run.datasetId().isEmpty() ? SAY.say("report.none") : run.datasetId());
        // The project's choice is the run's where the ids agree; another dataset chosen since has no options to show.
        if (project.dataset().datasetId().equals(run.datasetId())) {
            new java.util.TreeMap<>(project.dataset().options()).forEach((k, v) -> row(h, k, v));
        }
        row(h, "validation_split", number(run.settings().validationSplit()));
        h.append("</table>\n<p class=\"muted\">").append(esc(SAY.say("report.dataset.prep"))).append("</p>\n");
    }

    private static void settings(StringBuilder h, RunRecord run) {
        heading(h, "report.settings");
        settingsTable(h, run.settings());
        if (run.segments().size() > 1) {
            h.append("<h3>").append(esc(SAY.say("report.segments"))).append("</h3>\n<ul>\n");
            for (RunSegment s : run.segments().subList(1, run.segments().size())) {
                h.append("<li>").append(esc(SAY.say("report.segment", s.fromEpoch(), s.fromBatch(),
                        "learning_rate=" + number(s.settings().optimizer().learningRate()) + ", epochs="
                                + s.settings().epochs() + ", batch_size=" + s.settings().batchSize()))).append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    /** Every setting, by its Keras name: the ones {@code compile} and {@code fit} take, the seed, the callbacks. */
    static void settingsTable(StringBuilder h, TrainingSettings s) {
        h.append("<table>\n<tr><th>").append(esc(SAY.say("report.col.setting"))).append("</th><th>")
                .append(esc(SAY.say("report.col.value"))).append("</th></tr>\n");
        row(h, "loss", s.loss());
        OptimizerSettings o = s.optimizer();
        Optional<OptimizerKind> kind = Optimizers.find(o.name());
        row(h, "optimizer", kind.map(OptimizerKind::kerasClass).orElse(o.name()));
        // A hand-edited name that is no optimizer has no declared parameters: its learning rate is still the run's.
        for (OptimizerParam p : kind.map(OptimizerKind::params).orElse(List.of())) {
            Object v = o.value(p.name());
            subRow(h, p.name(), v instanceof Number n ? number(n.doubleValue()) : String.valueOf(v));
        }
        if (kind.isEmpty()) {
            subRow(h, "learning_rate", number(o.learningRate()));
        }
        row(h, "metrics", String.join(", ", s.metrics()));
        row(h, "epochs", Integer.toString(s.epochs()));
        row(h, "batch_size", Integer.toString(s.batchSize()));
        row(h, "validation_split", number(s.validationSplit()));
        row(h, "validation", s.validation().kind().word() + (s.validation().isKFold() ? " (k=" + s.validation().folds()
                + ")" : ""));
        row(h, "shuffle", s.shuffle() ? "True" : "False");
        row(h, "seed", Long.toString(s.seed()));
        CallbackSettings c = s.callbacks();
        row(h, "EarlyStopping", c.earlyStopping().enabled() ? "monitor='" + c.earlyStopping().monitor() + "', patience="
                + c.earlyStopping().patience() + ", restore_best_weights=" + (c.earlyStopping().restoreBestWeights()
                ? "True" : "False") : SAY.say("report.off"));
        row(h, "ReduceLROnPlateau", c.reduceLrOnPlateau().enabled() ? "monitor='" + c.reduceLrOnPlateau().monitor()
                + "', factor=" + number(c.reduceLrOnPlateau().factor()) + ", patience=" + c.reduceLrOnPlateau().patience()
                + ", min_lr=" + number(c.reduceLrOnPlateau().minLr()) : SAY.say("report.off"));
        row(h, "ModelCheckpoint", c.checkpoint().enabled() ? "monitor='" + c.checkpoint().monitor() + "', save_best_only="
                + (c.checkpoint().saveBestOnly() ? "True" : "False") : SAY.say("report.off"));
        h.append("</table>\n");
    }

    private static void environment(StringBuilder h, ReportFacts facts) {
        heading(h, "report.environment");
        h.append("<table>\n");
        row(h, "NeuralCanvas", facts.versions().app());
        row(h, "Deeplearning4j", facts.versions().dl4j());
        row(h, "Java", facts.versions().java());
        row(h, SAY.say("report.env.os"), facts.versions().os());
        row(h, SAY.say("report.env.backend"), facts.backend().isEmpty() ? SAY.say("report.env.backendUnknown")
                : facts.backend());
        h.append("</table>\n<p class=\"muted\">").append(esc(SAY.say("report.env.note"))).append("</p>\n");
    }

    private static void curves(StringBuilder h, RunRecord run) {
        heading(h, "report.curves");
        List<String> metrics = CurveSvg.metrics(run.history());
        if (metrics.isEmpty()) {
            h.append("<p>").append(esc(SAY.say("report.curves.none"))).append("</p>\n");
            return;
        }
        h.append("<div class=\"curves\">\n");
        for (String m : metrics) {
            h.append(CurveSvg.chart(run.history(), m, run.firstEpoch())).append('\n');
        }
        h.append("</div>\n");
    }

    private static void results(StringBuilder h, RunResults r) {
        heading(h, "report.test");
        if (r == null) {
            h.append("<p>").append(esc(SAY.say("report.test.none"))).append("</p>\n");
            return;
        }
        h.append("<p>").append(esc(SAY.say("report.test.samples", Long.toString(r.samples())))).append("</p>\n");
        h.append("<table>\n<tr><th>").append(esc(SAY.say("report.col.metric"))).append("</th><th>")
                .append(esc(SAY.say("report.col.value"))).append("</th></tr>\n");
        new java.util.TreeMap<>(r.scores()).forEach((k, v) -> numberRow(h, k, v));
        h.append("</table>\n");
        confusion(h, r);
        if (!r.baselines().isEmpty()) {
            h.append("<h3>").append(esc(SAY.say("report.baselines"))).append("</h3>\n<table>\n");
            for (BaselineScores b : r.baselines()) {
                StringBuilder scores = new StringBuilder();
                new java.util.TreeMap<>(b.scores()).forEach((k, v) -> scores.append(scores.isEmpty() ? "" : ", ")
                        .append(k).append(' ').append(String.format(Locale.ROOT, "%.4f", v)));
                row(h, b.model(), scores.toString());
            }
            h.append("</table>\n");
        }
    }

    /** Rows the true class, columns the predicted one; the diagonal marked. */
    private static void confusion(StringBuilder h, RunResults r) {
        long[][] m = r.confusion();
        if (m.length == 0) {
            return;
        }
        h.append("<h3>").append(esc(SAY.say("report.confusion"))).append("</h3>\n<table class=\"confusion\">\n<tr><th></th>");
        for (int p = 0; p < m.length; p++) {
            h.append("<th>").append(esc(className(r, p))).append("</th>");
        }
        h.append("</tr>\n");
        for (int a = 0; a < m.length; a++) {
            h.append("<tr><th>").append(esc(className(r, a))).append("</th>");
            for (int p = 0; p < m[a].length; p++) {
                h.append("<td class=\"n").append(a == p ? " hit" : "").append("\">").append(m[a][p]).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String className(RunResults r, int i) {
        return i < r.classNames().size() ? r.classNames().get(i) : Integer.toString(i);
    }

    private static void advice(StringBuilder h, ReportFacts facts) {
        heading(h, "report.advice");
        if (facts.advice().isEmpty()) {
            h.append("<p>").append(esc(SAY.say("report.advice.none"))).append("</p>\n");
            return;
        }
        h.append("<ul>\n");
        facts.advice().forEach(a -> h.append("<li>").append(esc(a)).append("</li>\n"));
        h.append("</ul>\n");
    }

    /** The numbers behind the curves, as the history CSV has them. */
    private static void history(StringBuilder h, RunRecord run) {
        if (run.history().isEmpty()) {
            return;
        }
        heading(h, "report.history");
        List<String> columns = HistoryCsvExporter.columns(run.history());
        h.append("<table>\n<tr><th>epoch</th>");
        columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
        for (int i = 0; i < run.history().size(); i++) {
            Map<String, Double> e = run.history().get(i);
            h.append("<tr><td class=\"n\">").append(run.firstEpoch() + i).append("</td>");
            for (String c : columns) {
                Double v = e.get(c);
                h.append("<td class=\"n\">").append(v == null ? "" : esc(significant(v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** The script with the run's own settings (the project's may have changed since), on the project's model. */
    private void script(StringBuilder h, Project project, String projectName, RunRecord run) {
        heading(h, "report.keras");
        InferenceResult inference = ShapeInference.infer(project.graph());
        if (!inference.problems().isEmpty()) {
            h.append("<p>").append(esc(SAY.say("report.keras.refused", inference.problems().get(0).message())))
                    .append("</p>\n");
            return;
        }
        Project asRun = new Project(project.graph(), run.settings(), project.dataset(), List.of());
        String code;
        try {
            code = keras.export(asRun, ExportWriter.modelNameFor(projectName + ".py"));
        } catch (IllegalArgumentException e) {
            // A hand-edited setting no Keras script can say (an optimizer that does not exist): the report stands.
            h.append("<p>").append(esc(SAY.say("report.keras.refused", e.getMessage()))).append("</p>\n");
            return;
        }
        h.append("<p class=\"muted\">").append(esc(SAY.say("report.keras.note"))).append("</p>\n");
        h.append("<pre>").append(esc(code)).append("</pre>\n");
    }

    private static void heading(StringBuilder h, String key) {
        h.append("<h2>").append(esc(SAY.say(key))).append("</h2>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** An optimizer's argument, set in under the optimizer's row. */
    private static void subRow(StringBuilder h, String name, String value) {
        h.append("<tr class=\"sub\"><th>").append(esc(name)).append("</th><td>").append(esc(value))
                .append("</td></tr>\n");
    }

    private static void numberRow(StringBuilder h, String name, double value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td class=\"n\">")
                .append(esc(String.format(Locale.ROOT, "%.4f", value))).append("</td></tr>\n");
    }

    /** Six significant digits without trailing zeros: 0.25873, 0.001. */
    private static String significant(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() : Double.toString(v);
    }

    private static String withoutXmlDeclaration(String svg) {
        return svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).strip() : svg.strip();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
                : Double.toString(v);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
