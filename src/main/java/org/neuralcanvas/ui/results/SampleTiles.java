package org.neuralcanvas.ui.results;

import java.util.Locale;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.neuralcanvas.engine.data.TestPredictions;

/** Draws samples and values as pictures and short texts. */
final class SampleTiles {

    private SampleTiles() {
    }

    /** A greyscale picture of an h x w sample (values scaled to their own range; ink dark on white). */
    static Image picture(float[] values, int h, int w) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = 0; i < h * w && i < values.length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        float range = max > min ? max - min : 1;
        WritableImage img = new WritableImage(w, h);
        PixelWriter px = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double v = i < values.length ? (values[i] - min) / range : 0;
                px.setColor(x, y, Color.gray(1 - v));
            }
        }
        return img;
    }

    /** A heat picture of a channel of an (h, w, c) activation: channel {@code ch}. */
    static Image channel(float[] values, int h, int w, int c, int ch) {
        float[] plane = new float[h * w];
        for (int i = 0; i < h * w; i++) {
            plane[i] = values[i * c + ch];
        }
        return picture(plane, h, w);
    }

    static String label(TestPredictions p, int i, boolean classifier) {
        if (classifier) {
            return p.trueClass(i) == p.predictedClass(i) ? "✓ " + p.className(p.trueClass(i))
                    : "✗ " + p.className(p.trueClass(i)) + " → " + p.className(p.predictedClass(i));
        }
        if (p.isReconstruction()) {
            return String.format(Locale.ROOT, "mse %.4f", p.meanSquaredError(i));
        }
        return String.format(Locale.ROOT, "%.2f\n→ %.2f", p.truth()[i][0], p.predicted()[i][0]);
    }

    /** The first words of a text, for a tile (the tooltip has the rest). */
    static String opening(String text) {
        return text.length() <= 90 ? text : text.substring(0, text.lastIndexOf(' ', 90) > 40 ? text.lastIndexOf(' ', 90) : 90) + " …";
    }

    static String features(float[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(4, values.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", values[i]));
        }
        return sb.append(values.length > 4 ? ", …]" : "]").toString();
    }
}
