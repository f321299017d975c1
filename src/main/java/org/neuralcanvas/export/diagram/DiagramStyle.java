package org.neuralcanvas.export.diagram;

import java.awt.Color;
import java.awt.Font;
import org.neuralcanvas.domain.layer.LayerCategory;

/**
 * Sizes, fonts and colours of a diagram, in one place. Text is set in a monospaced font and
 * measured with a fixed advance per character rather than with AWT font metrics, so the layout
 * (and the SVG text) is the same on every machine, with or without fonts installed.
 */
public final class DiagramStyle {

    /** The SVG font-family list: common monospaced fonts, then the generic family. */
    public static final String SVG_FONT_FAMILY = "\"DejaVu Sans Mono\", Menlo, Consolas, \"Liberation Mono\", monospace";

    static final int TITLE_SIZE = 13;
    static final int TEXT_SIZE = 11;
    /** Advance of one character as a fraction of the font size; 0.6 for DejaVu Sans Mono and Menlo, a little spare. */
    static final double ADVANCE = 0.62;
    /** The real advance of DejaVu Sans Mono and Menlo, for placing text after text on one line. */
    static final double GLYPH_ADVANCE = 0.602;
    static final double LINE_GAP = 1.4;
    static final double PAD_X = 12;
    static final double PAD_Y = 8;
    static final double BAND = 6;
    static final double MIN_WIDTH = 150;

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x21, 0x25, 0x29);
    static final Color MUTED = new Color(0x5f, 0x67, 0x6f);
    static final Color EDGE = new Color(0x49, 0x50, 0x57);
    static final Color BORDER = new Color(0x86, 0x8e, 0x96);
    static final Color PROBLEM = new Color(0xc9, 0x2a, 0x2a);

    private DiagramStyle() {
    }

    static Font titleFont() {
        return new Font(Font.MONOSPACED, Font.BOLD, TITLE_SIZE);
    }

    static Font textFont() {
        return new Font(Font.MONOSPACED, Font.PLAIN, TEXT_SIZE);
    }

    static double textWidth(String s, int size) {
        return s.length() * size * ADVANCE;
    }

    /** The colour band and fill of each palette group, as the canvas shows them. */
    static Color accent(LayerCategory c) {
        return switch (c) {
            case CORE -> new Color(0x1c, 0x7e, 0xd6);
            case CONVOLUTION -> new Color(0x2f, 0x9e, 0x44);
            case POOLING -> new Color(0x0c, 0x85, 0x99);
            case RECURRENT -> new Color(0x84, 0x5e, 0xf7);
            case ATTENTION -> new Color(0xc2, 0x25, 0x5c);
            case NORMALIZATION -> new Color(0xe6, 0x77, 0x00);
            case REGULARIZATION -> new Color(0x5c, 0x6b, 0x7f);
            case ACTIVATION -> new Color(0x6f, 0x8f, 0x1e);
            case RESHAPING -> new Color(0x8a, 0x62, 0x3f);
            case MERGE -> new Color(0xd6, 0x33, 0x6c);
        };
    }

    static Color fill(LayerCategory c) {
        return switch (c) {
            case CORE -> new Color(0xe7, 0xf5, 0xff);
            case CONVOLUTION -> new Color(0xeb, 0xfb, 0xee);
            case POOLING -> new Color(0xe3, 0xfa, 0xfc);
            case RECURRENT -> new Color(0xf3, 0xf0, 0xff);
            case ATTENTION -> new Color(0xfd, 0xec, 0xf2);
            case NORMALIZATION -> new Color(0xff, 0xf4, 0xe6);
            case REGULARIZATION -> new Color(0xf0, 0xf2, 0xf5);
            case ACTIVATION -> new Color(0xf4, 0xf9, 0xe6);
            case RESHAPING -> new Color(0xf8, 0xf1, 0xea);
            case MERGE -> new Color(0xff, 0xf0, 0xf6);
        };
    }
}
