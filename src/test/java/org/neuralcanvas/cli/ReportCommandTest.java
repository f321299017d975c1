package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.RunResults;
import org.w3c.dom.Document;

class ReportCommandTest extends CliTestBase {

    private static Document parse(Path html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(html.toFile());
    }

    @Test
    void trainWritesTheReportOfTheRunItTrained() throws Exception {
        Path report = dir.resolve("run.html");
        assertEquals(0, run("train", project().toString(), "--dataset", "synthetic", "--epochs", "2", "--out",
                dir.resolve("out").toString(), "--report", report.toString()), this::errors);
        assertTrue(printed().contains("Wrote the report of run-1 to " + report), printed());
        Document doc = parse(report);
        String text = doc.getDocumentElement().getTextContent();
        assertEquals(3, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength(),
                "the diagram, loss and accuracy");
        assertTrue(text.contains("seed42"), "the seed");
        assertTrue(text.contains("Deeplearning4j1.0.0-M2.1") && text.contains("NeuralCanvas0.1.0"), "the versions");
        assertTrue(text.contains("BackendCPU: "), "the backend");
        assertTrue(text.contains("400 test samples."), "the test results");
        assertTrue(text.contains("keras.utils.set_random_seed(42)"), "the Keras script");
        assertFalse(Files.readString(report).contains("<script"), "nothing runs");
    }

    @Test
    void aRunTheProjectKeepsIsReportedByIdOrAsTheLatest() throws Exception {
        Path file = project();
        Project p = ProjectFile.read(file);
        p.addRun(new RunRecord("run-1", "", p.settings(), "mnist", "finished", List.of(Map.of("loss", 0.5))));
        p.addRun(new RunRecord("run-2", "", p.settings().withSeed(99), "mnist", "finished",
                List.of(Map.of("loss", 0.4, "accuracy", 0.9)), new RunResults(10, Map.of("accuracy", 0.9), List.of(),
                null), null, null, null));
        ProjectFile.write(p, file);
        ReportCommand offline = new ReportCommand(() -> "CPU: stand-in");
        Path latest = dir.resolve("latest.html");
        assertEquals(0, offline.run(List.of(file.toString(), latest.toString()), System.out, System.err));
        assertTrue(parse(latest).getDocumentElement().getTextContent().contains("seed99"), "run-2, the latest");
        Path first = dir.resolve("first.html");
        assertEquals(0, offline.run(List.of(file.toString(), "run-1", first.toString()), System.out, System.err));
        assertTrue(parse(first).getDocumentElement().getTextContent().contains("Run run-1: finished"));

        assertEquals(1, run("report", file.toString(), "run-7", dir.resolve("x.html").toString()));
        assertTrue(errors().contains("mnist-mlp.ncproj.json has no run 'run-7'; its runs are run-1, run-2."), errors());
    }

    @Test
    void badArgumentsAndProjectsWithoutRunsAreSentences() throws Exception {
        Path empty = project(); // the sample project has no runs
        assertEquals(List.of(), ProjectFile.read(empty).runs());
        assertEquals(2, run("report", empty.toString(), dir.resolve("r.pdf").toString()));
        assertTrue(errors().contains("A report is an HTML file: name it with .html, not 'r.pdf'."), errors());
        assertEquals(2, run("report"));
        assertEquals(1, run("report", empty.toString(), dir.resolve("r.html").toString()));
        assertTrue(errors().contains("has no runs yet, so there is nothing to report."), errors());
        assertEquals(1, run("report", dir.resolve("missing.ncproj.json").toString(), dir.resolve("r.html").toString()));
        assertTrue(errors().contains("does not exist"), errors());
        assertEquals(2, run("train", empty.toString(), "--report", "r.txt"));
        assertTrue(errors().contains("--report names an HTML file"), errors());
    }
}
