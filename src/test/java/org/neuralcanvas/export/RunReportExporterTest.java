package org.neuralcanvas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.project.AppVersions;
import org.neuralcanvas.project.BaselineScores;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunResults;
import org.neuralcanvas.project.templates.Templates;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RunReportExporterTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final ReportFacts FACTS = new ReportFacts(new AppVersions("0.1.0-test", "1.0.0-M2.1",
            "17.0.9 (Eclipse Adoptium)", "Linux 6.1 amd64"), "CPU: Test CPU (2 cores), AVX-512 build",
            List.of("Overfitting from epoch 3: <add Dropout> & rest."));

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    /** The MNIST MLP with its first Dense renamed to {@code <script>}, and a trained run of 3 epochs. */
    private static Project project() {
        Project p = new Templates().find("mnist_mlp").orElseThrow().newProject();
        LayerNode dense = p.graph().nodes().get(1);
        p.graph().replaceNode(dense.withName("<script>alert(1)</script>"));
        List<Map<String, Double>> history = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            history.add(Map.of("loss", 0.3 / (e + 1), "accuracy", 0.9 + 0.02 * e, "val_loss", 0.2 + 0.01 * e,
                    "val_accuracy", 0.95, "learning_rate", 0.001));
        }
        long[][] confusion = new long[10][10];
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            confusion[i][i] = 970 + i;
            confusion[i][(i + 1) % 10] = 7;
            classes.add(Integer.toString(i));
        }
        RunResults results = new RunResults(10000, Map.of("loss", 0.07, "accuracy", 0.9612), classes, confusion,
                List.of(new BaselineScores(BaselineScores.MAJORITY_CLASS, Map.of("accuracy", 0.1135))));
        p.addRun(new RunRecord("run-1", "2026-12-03T10:00:00Z", p.settings().withEpochs(3).withSeed(1234), "mnist",
                "finished", history, results, null, null, null));
        return p;
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // Strict and closed: no external entity or DTD is fetched, and anything not well-formed throws.
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String report(Project p) {
        return new RunReportExporter().export(p, "mnist", p.runs().get(0), FACTS);
    }

    @Test
    void theReportIsWellFormedXhtmlWithTheDiagramAndACurvePerMetricInline() throws Exception {
        Document doc = parse(report(project()));
        assertEquals("html", doc.getDocumentElement().getLocalName());
        assertEquals(XHTML, doc.getDocumentElement().getNamespaceURI());
        NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
        assertEquals(3, svgs.getLength(), "the diagram, then loss and accuracy");
        assertTrue(svgs.item(0).getTextContent().contains("Dense"), "the diagram names its layers");
        assertTrue(((Element) svgs.item(1)).getElementsByTagNameNS(SVG, "path").getLength() >= 2,
                "loss and val_loss are lines");
        assertTrue(svgs.item(2).getTextContent().contains("val_accuracy"));
    }

    @Test
    void nothingInTheReportReachesOutsideTheFile() throws Exception {
        String html = report(project());
        Document doc = parse(html);
        for (String tag : List.of("script", "link", "img", "iframe", "object")) {
            assertEquals(0, doc.getElementsByTagNameNS("*", tag).getLength(), tag);
        }
        assertFalse(html.contains("http://") && html.replace(XHTML, "").replace(SVG, "")
                .replace("http://www.w3.org/1999/xlink", "").replace("http://www.jfree.org/jfreesvg/svg", "")
                .contains("http://"), "no address but the namespaces");
        assertFalse(html.contains("https://"));
        assertFalse(html.contains("@import") || html.contains("url("), "the style is inline and fetches nothing");
    }

    @Test
    void aLayerNamedScriptIsTextNotAnElement() throws Exception {
        String html = report(project());
        Document doc = parse(html);
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the summary and the script show the name");
        assertTrue(doc.getDocumentElement().getTextContent().contains("<script>alert(1)</script>"));
        assertTrue(html.contains("&lt;add Dropout&gt; &amp; rest."), "advisor notes are escaped too");
    }

    @Test
    void theSeedEverySettingTheVersionsAndTheBackendAreListed() throws Exception {
        String text = parse(report(project())).getDocumentElement().getTextContent();
        for (String expected : List.of("seed1234", "batch_size128", "epochs3", "optimizerRMSprop", "learning_rate0.001",
                "rho0.9", "losscategorical_crossentropy", "shuffleTrue", "EarlyStoppingoff", "NeuralCanvas0.1.0-test",
                "Deeplearning4j1.0.0-M2.1", "Java17.0.9 (Eclipse Adoptium)", "Operating systemLinux 6.1 amd64",
                "BackendCPU: Test CPU (2 cores), AVX-512 build", "datasetmnist", "layoutflat")) {
            assertTrue(text.contains(expected), expected);
        }
    }

    @Test
    void theTestResultsConfusionMatrixVerdictAdviceAndKerasScriptAreThere() throws Exception {
        String html = report(project());
        Document doc = parse(html);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("accuracy0.9612"), "test metrics");
        assertTrue(text.contains("10000 test samples."));
        NodeList tables = doc.getElementsByTagNameNS(XHTML, "table");
        Element confusion = null;
        for (int i = 0; i < tables.getLength(); i++) {
            if ("confusion".equals(((Element) tables.item(i)).getAttribute("class"))) {
                confusion = (Element) tables.item(i);
            }
        }
        assertTrue(confusion != null, "the confusion matrix is a table");
        assertEquals(11, confusion.getElementsByTagNameNS(XHTML, "tr").getLength(), "a header and a row per class");
        assertEquals(100, confusion.getElementsByTagNameNS(XHTML, "td").getLength());
        assertTrue(text.contains("Test accuracy 0.9612 is below the published band (0.975–0.981, Deep Learning with "
                + "Python §2.1) — here is what differs from the tutorial's settings: epochs 3 (tutorial 5)."), text);
        assertTrue(text.contains("Overfitting from epoch 3"));
        assertTrue(text.contains("keras.utils.set_random_seed(1234)"), "the script has the run's seed");
        assertTrue(text.contains("model.fit(") && text.contains("epochs=3"), "and the run's epochs");
        assertTrue(text.contains("majority_class"), "the baselines");
    }

    @Test
    void theReportSpeaksChinese() throws Exception {
        Locale.setDefault(Locale.Category.DISPLAY, Locale.SIMPLIFIED_CHINESE);
        Document doc = parse(report(project()));
        assertEquals("zh-CN", doc.getDocumentElement().getAttribute("lang"));
        assertTrue(doc.getDocumentElement().getTextContent().contains("训练设置与随机种子"));
    }

    @Test
    void aRunWithoutEpochsOrResultsStillMakesAReport() throws Exception {
        Project p = new Templates().find("keras_quickstart").orElseThrow().newProject();
        p.addRun(new RunRecord("run-1", "", p.settings(), "synthetic_classes", "stopped", List.of()));
        String text = parse(new RunReportExporter().export(p, "q", p.runs().get(0), FACTS)).getDocumentElement()
                .getTextContent();
        assertTrue(text.contains("The run has no epochs recorded.") && text.contains("was not evaluated"), text);
    }
}
