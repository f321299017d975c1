package org.neuralcanvas.export.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import org.neuralcanvas.export.layout.LayeredLayout;

/**
 * Paints a {@link Diagram} onto any {@code Graphics2D}: JFreeSVG's for the SVG file, a
 * {@code BufferedImage}'s for PNG. The one drawing routine of both formats. Connections are
 * drawn first so that boxes sit on top of them; each ends in an arrowhead at its target, and
 * the inputs of a merge carry their position (1, 2, ...) because order matters for Subtract and
 * Concatenate.
 */
public final class DiagramPainter {

    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;
    private static final double SLOT_RADIUS = 7;

    public void paint(Diagram diagram, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setPaint(DiagramStyle.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, Math.ceil(diagram.width()), Math.ceil(diagram.height())));
        for (Diagram.Arrow arrow : diagram.arrows()) {
            paintArrow(arrow, g);
        }
        for (Diagram.LayerBox box : diagram.boxes()) {
            paintBox(box, g);
        }
        for (Diagram.Arrow arrow : diagram.arrows()) {
            if (arrow.inputSlot() > 0) {
                paintSlot(arrow, g);
            }
        }
    }

    private void paintArrow(Diagram.Arrow arrow, Graphics2D g) {
        List<LayeredLayout.Point> route = arrow.route();
        LayeredLayout.Point end = route.get(route.size() - 1);
        LayeredLayout.Point before = route.get(route.size() - 2);
        double[] dir = unit(before, end);
        Path2D.Double line = new Path2D.Double();
        line.moveTo(route.get(0).x(), route.get(0).y());
        for (int i = 1; i < route.size() - 1; i++) {
            line.lineTo(route.get(i).x(), route.get(i).y());
        }
        // Stop the line at the arrowhead's base so it does not poke through the tip.
        line.lineTo(end.x() - dir[0] * ARROW_LENGTH, end.y() - dir[1] * ARROW_LENGTH);
        g.setPaint(DiagramStyle.EDGE);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(line);

        double baseX = end.x() - dir[0] * ARROW_LENGTH;
        double baseY = end.y() - dir[1] * ARROW_LENGTH;
        Path2D.Double head = new Path2D.Double();
        head.moveTo(end.x(), end.y());
        head.lineTo(baseX - dir[1] * ARROW_HALF_WIDTH, baseY + dir[0] * ARROW_HALF_WIDTH);
        head.lineTo(baseX + dir[1] * ARROW_HALF_WIDTH, baseY - dir[0] * ARROW_HALF_WIDTH);
        head.closePath();
        g.fill(head);
    }

    private void paintSlot(Diagram.Arrow arrow, Graphics2D g) {
        List<LayeredLayout.Point> route = arrow.route();
        LayeredLayout.Point end = route.get(route.size() - 1);
        double[] dir = unit(route.get(route.size() - 2), end);
        double distance = ARROW_LENGTH + SLOT_RADIUS + 4;
        double cx = end.x() - dir[0] * distance;
        double cy = end.y() - dir[1] * distance;
        Ellipse2D.Double circle = new Ellipse2D.Double(cx - SLOT_RADIUS, cy - SLOT_RADIUS, 2 * SLOT_RADIUS, 2 * SLOT_RADIUS);
        g.setPaint(Color.WHITE);
        g.fill(circle);
        g.setPaint(DiagramStyle.accent(org.neuralcanvas.domain.layer.LayerCategory.MERGE));
        g.setStroke(new BasicStroke(1.25f));
        g.draw(circle);
        String label = Integer.toString(arrow.inputSlot());
        g.setFont(DiagramStyle.textFont().deriveFont(java.awt.Font.BOLD, 10f));
        double w = DiagramStyle.textWidth(label, 10);
        g.drawString(label, (float) (cx - w / 2), (float) (cy + 3.5));
    }

    private void paintBox(Diagram.LayerBox layer, Graphics2D g) {
        LayeredLayout.Box b = layer.box();
        Color accent = DiagramStyle.accent(layer.category());
        RoundRectangle2D.Double shape = new RoundRectangle2D.Double(b.x(), b.y(), b.width(), b.height(), 10, 10);
        g.setPaint(DiagramStyle.fill(layer.category()));
        g.fill(shape);
        // The colour band on the left says which palette group the layer is from.
        g.setPaint(accent);
        g.fill(band(b));
        g.setPaint(layer.problem() ? DiagramStyle.PROBLEM : layer.merge() ? accent : DiagramStyle.BORDER);
        g.setStroke(new BasicStroke(layer.problem() || layer.merge() ? 2f : 1f));
        g.draw(shape);

        double x = b.x() + DiagramStyle.BAND + DiagramStyle.PAD_X;
        double y = b.y() + DiagramStyle.PAD_Y + DiagramStyle.TITLE_SIZE;
        g.setPaint(DiagramStyle.TEXT);
        g.setFont(DiagramStyle.titleFont());
        g.drawString(layer.title(), (float) x, (float) y);
        double typeX = x + (layer.title().length() + 1) * DiagramStyle.TITLE_SIZE * DiagramStyle.GLYPH_ADVANCE;
        g.setPaint(accent.darker());
        g.setFont(DiagramStyle.textFont().deriveFont((float) DiagramStyle.TITLE_SIZE));
        g.drawString(": " + layer.type(), (float) typeX, (float) y);

        g.setFont(DiagramStyle.textFont());
        g.setPaint(DiagramStyle.MUTED);
        y += DiagramStyle.TITLE_SIZE * (DiagramStyle.LINE_GAP - 1) + 2;
        for (String line : layer.lines()) {
            y += DiagramStyle.TEXT_SIZE * DiagramStyle.LINE_GAP;
            g.drawString(line, (float) x, (float) y);
        }
    }

    /** The left edge of the rounded box, filled: rounded outer corners, a straight inner side. */
    private static Path2D.Double band(LayeredLayout.Box b) {
        double r = 5;
        double right = b.x() + DiagramStyle.BAND;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(b.x() + r, b.y());
        p.lineTo(right, b.y());
        p.lineTo(right, b.y() + b.height());
        p.lineTo(b.x() + r, b.y() + b.height());
        p.quadTo(b.x(), b.y() + b.height(), b.x(), b.y() + b.height() - r);
        p.lineTo(b.x(), b.y() + r);
        p.quadTo(b.x(), b.y(), b.x() + r, b.y());
        p.closePath();
        return p;
    }

    private static double[] unit(LayeredLayout.Point from, LayeredLayout.Point to) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double length = Math.hypot(dx, dy);
        return length == 0 ? new double[] {0, 1} : new double[] {dx / length, dy / length};
    }

}
