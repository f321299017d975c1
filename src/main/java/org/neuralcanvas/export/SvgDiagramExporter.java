package org.neuralcanvas.export;

import java.util.Locale;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.export.diagram.Diagram;
import org.neuralcanvas.export.diagram.DiagramBuilder;
import org.neuralcanvas.export.diagram.DiagramPainter;
import org.neuralcanvas.export.diagram.DiagramStyle;

/**
 * The model diagram as an SVG document, like Keras's {@code plot_model(show_shapes=True)}: a
 * box per layer with its name, type, input and output shapes and weights, laid out top to
 * bottom by ELK. Vector text with a {@code viewBox}, so it stays sharp at any size.
 * Deterministic: the same graph gives the same bytes on every machine.
 */
public final class SvgDiagramExporter {

    private final DiagramBuilder builder;
    private final DiagramPainter painter = new DiagramPainter();

    public SvgDiagramExporter() {
        this(new DiagramBuilder());
    }

    public SvgDiagramExporter(DiagramBuilder builder) {
        this.builder = builder;
    }

    public String export(ModelGraph graph) {
        return toSvg(builder.build(graph));
    }

    String toSvg(Diagram diagram) {
        // An empty graph has no size; SVG needs a positive one.
        double width = Math.max(1, Math.ceil(diagram.width()));
        double height = Math.max(1, Math.ceil(diagram.height()));
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // JFreeSVG's default prefix holds the clock; a fixed one keeps the output repeatable.
        g.setDefsKeyPrefix("nc");
        g.setGeomDoubleConverter(SvgDiagramExporter::number);
        g.setTransformDoubleConverter(SvgDiagramExporter::number);
        g.setFontFunction(family -> DiagramStyle.SVG_FONT_FAMILY);
        painter.paint(diagram, g);
        String element = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
    }

    /** Two decimals at most, no exponent, no locale: the same text everywhere (the report's curves write so too). */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }
}
