package org.neuralcanvas.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.export.diagram.Diagram;
import org.neuralcanvas.export.diagram.DiagramBuilder;
import org.neuralcanvas.export.diagram.DiagramPainter;

/**
 * The same model diagram as {@link SvgDiagramExporter}, drawn by the same painter onto a bitmap.
 * Text is drawn with the machine's monospaced font, so pixels (unlike the SVG) may differ
 * slightly between machines.
 */
public final class PngDiagramRenderer {

    /** Twice the SVG's size: sharp on high-density screens and in documents. */
    public static final double DEFAULT_SCALE = 2.0;

    private final DiagramBuilder builder;
    private final DiagramPainter painter = new DiagramPainter();

    public PngDiagramRenderer() {
        this(new DiagramBuilder());
    }

    public PngDiagramRenderer(DiagramBuilder builder) {
        this.builder = builder;
    }

    public BufferedImage render(ModelGraph graph, double scale) {
        Diagram diagram = builder.build(graph);
        int width = (int) Math.ceil(Math.ceil(diagram.width()) * scale);
        int height = (int) Math.ceil(Math.ceil(diagram.height()) * scale);
        BufferedImage image = new BufferedImage(Math.max(width, 1), Math.max(height, 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            painter.paint(diagram, g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the diagram as PNG bytes. */
    public void writePng(ModelGraph graph, double scale, OutputStream out) throws IOException {
        if (!ImageIO.write(render(graph, scale), "png", out)) {
            throw new IOException("This Java runtime cannot write PNG images.");
        }
    }

    public byte[] png(ModelGraph graph, double scale) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writePng(graph, scale, bytes);
        return bytes.toByteArray();
    }
}
