package org.neuralcanvas.ui.tool;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerCategory;
import org.neuralcanvas.domain.layer.LayerKind;

/**
 * Draws the palette icons once (run by a developer, output committed to {@code icons/}): a
 * rounded tile in the category's colour with a short mark for the kind. Not used by the app.
 *
 * <pre>java -cp target/classes org.neuralcanvas.ui.tool.IconGenerator icons</pre>
 */
public final class IconGenerator {

    private static final int SIZE = 64;

    static final Map<LayerCategory, Color> COLOURS = Map.of(
            LayerCategory.REGULARIZATION, new Color(0x5c6b7f),
            LayerCategory.ACTIVATION, new Color(0x6f8f1e),
            LayerCategory.RESHAPING, new Color(0x8a623f),
            LayerCategory.CORE, new Color(0x3b82c4),
            LayerCategory.CONVOLUTION, new Color(0x2e9e6b),
            LayerCategory.POOLING, new Color(0x1f8a8a),
            LayerCategory.RECURRENT, new Color(0x8e5cc4),
            LayerCategory.ATTENTION, new Color(0xc2255c),
            LayerCategory.NORMALIZATION, new Color(0xc48a1f),
            LayerCategory.MERGE, new Color(0x5b5fc7)); // indigo, not a red that reads as a problem

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "icons");
        Files.createDirectories(out);
        for (LayerKind kind : LayerCatalog.standard().kinds()) {
            write(draw(kind.category(), kind), out.resolve(kind.kerasName() + ".png"));
        }
        for (LayerCategory c : LayerCategory.values()) {
            write(draw(c, null), out.resolve("category-" + c.name().toLowerCase() + ".png"));
        }
        System.out.println("Icons written to " + out.toAbsolutePath());
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
    }

    private static BufferedImage draw(LayerCategory category, LayerKind kind) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Color colour = COLOURS.get(category);
        g.setColor(colour);
        g.fill(new RoundRectangle2D.Double(2, 2, SIZE - 4, SIZE - 4, 16, 16));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (kind != null && "Dense".equals(kind.kerasName()) || kind == null && category == LayerCategory.CORE) {
            drawDense(g);
        } else if (kind == null) {
            text(g, category.name().substring(0, 1), 34);
        } else {
            String mark = kind.mark();
            text(g, mark, mark.length() <= 1 ? 40 : mark.length() == 2 ? 28 : mark.length() == 3 ? 22 : 17);
        }
        g.dispose();
        return image;
    }

    /** Two columns of neurons, fully connected: the picture of a Dense layer. */
    private static void drawDense(Graphics2D g) {
        int[] left = {18, 32, 46};
        int[] right = {22, 42};
        g.setStroke(new BasicStroke(1.8f));
        for (int y1 : left) {
            for (int y2 : right) {
                g.drawLine(20, y1, 44, y2);
            }
        }
        for (int y : left) {
            g.fillOval(15, y - 5, 10, 10);
        }
        for (int y : right) {
            g.fillOval(39, y - 5, 10, 10);
        }
    }

    private static void text(Graphics2D g, String s, int size) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        FontMetrics fm = g.getFontMetrics();
        int x = (SIZE - fm.stringWidth(s)) / 2;
        int y = (SIZE - fm.getHeight()) / 2 + fm.getAscent();
        g.drawString(s, x, y);
    }
}
