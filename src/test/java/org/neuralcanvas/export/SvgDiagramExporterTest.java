package org.neuralcanvas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.project.Project;

class SvgDiagramExporterTest {

    private final SvgDiagramExporter exporter = new SvgDiagramExporter();

    @ParameterizedTest
    @ValueSource(strings = {"mnist-mlp", "mnist-cnn", "functional-merge", "imdb-lstm"})
    void diagramMatchesItsGoldenFile(String template) throws Exception {
        Golden.check(template + ".svg", exporter.export(ExportTemplates.all().get(template).graph()));
    }

    @Test
    void everyLayerShowsItsNameTypeAndShapes() {
        Project cnn = ExportTemplates.mnistCnn();
        String svg = exporter.export(cnn.graph());
        for (LayerNode node : cnn.graph().nodes()) {
            assertTrue(svg.contains(">" + node.name() + "<"), node.name());
        }
        assertTrue(svg.contains(": Conv2D<"));
        assertTrue(svg.contains(": InputLayer<"));
        assertTrue(svg.contains("input:  (None, 28, 28, 1)"));
        assertTrue(svg.contains("output: (None, 26, 26, 32)"));
        assertTrue(svg.contains("params: 320"));
    }

    @Test
    void scalesToAnySizeThroughAViewBoxAndUsesFontsEveryMachineHas() {
        String svg = exporter.export(ExportTemplates.mnistMlp().graph());
        assertTrue(svg.startsWith("<?xml"));
        Matcher m = Pattern.compile("viewBox='0 0 (\\d+) (\\d+)'").matcher(svg);
        assertTrue(m.find(), "has a viewBox");
        assertTrue(svg.contains("monospace"));
        assertFalse(svg.contains("<image"), "text and shapes only, no bitmaps");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist-mlp", "mnist-cnn", "functional-merge", "imdb-lstm"})
    void isWellFormedXml(String template) throws Exception {
        String svg = exporter.export(ExportTemplates.all().get(template).graph());
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
    }

    @Test
    void oddCharactersInNamesStayWellFormed() throws Exception {
        org.neuralcanvas.domain.graph.ModelBuilder b = new org.neuralcanvas.domain.graph.ModelBuilder();
        String in = b.addNamed("in<&>'\"", "Input", java.util.Map.of("shape", java.util.List.of(4)));
        b.addNamed("d\u00e9j\u00e0 vu", "Dense", java.util.Map.of("units", 2), in);
        String svg = exporter.export(b.graph());
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(doc.getDocumentElement().getTextContent().contains("in<&>'\""));
        assertTrue(doc.getDocumentElement().getTextContent().contains("d\u00e9j\u00e0 vu"));
    }

    @Test
    void emptyAndBrokenGraphsStillDraw() {
        assertTrue(exporter.export(new org.neuralcanvas.domain.graph.ModelGraph()).contains("<svg"));
        org.neuralcanvas.domain.graph.ModelBuilder b = new org.neuralcanvas.domain.graph.ModelBuilder();
        b.then("Input", java.util.Map.of("shape", java.util.List.of(28, 28, 1)));
        b.then("Dense", java.util.Map.of("units", 10)); // needs a Flatten first
        String svg = exporter.export(b.graph());
        assertTrue(svg.contains("output: ?"), "unknown shape shown as ?");
        assertTrue(svg.contains("stroke:rgb(201,42,42)"), "the layer with the problem has a red outline");
        assertTrue(new KerasCodeExporter().export(ExportTemplatesBroken.of(b.graph()), "broken")
                .contains("# NeuralCanvas found problems in this model"));
    }

    @Test
    void sameGraphGivesTheSameBytes() {
        assertEquals(exporter.export(ExportTemplates.functionalMerge().graph()),
                exporter.export(ExportTemplates.functionalMerge().graph()));
    }

    @Test
    void mergeInputsAreNumberedInInputOrder() {
        String svg = exporter.export(ExportTemplates.functionalMerge().graph());
        assertTrue(svg.contains("input 1: (None, 64)"));
        assertTrue(svg.contains("input 2: (None, 8)"));
        assertTrue(svg.contains(">1<") && svg.contains(">2<"), "edge badges 1 and 2");
    }

    @Test
    void pngHasTheSvgsProportionsAtTwiceTheSize() {
        Project mlp = ExportTemplates.mnistMlp();
        BufferedImage png = new PngDiagramRenderer().render(mlp.graph(), 2.0);
        Matcher m = Pattern.compile("viewBox='0 0 (\\d+) (\\d+)'").matcher(exporter.export(mlp.graph()));
        assertTrue(m.find());
        assertEquals(2 * Integer.parseInt(m.group(1)), png.getWidth());
        assertEquals(2 * Integer.parseInt(m.group(2)), png.getHeight());
    }
}
