package org.neuralcanvas.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A drawing framed as MNIST's digits: its ink fits 20×20 and its centre of mass sits at the picture's centre. */
class DigitFramingTest {

    @Test
    void aBarInACornerIsScaledToTwentyPixelsAndCentred() {
        float[] ink = new float[28 * 28];
        for (int y = 0; y < 10; y++) {
            ink[y * 28 + 2] = 1f; // a vertical bar 10 px tall in the left column area
        }
        float[] out = DigitFraming.frame(ink);
        int top = 28;
        int bottom = -1;
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = out[y * 28 + x];
                if (v > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
                mass += v;
                cx += v * x;
                cy += v * y;
            }
        }
        assertEquals(20, bottom - top + 1, "the bar is 20 px tall now");
        assertTrue(Math.abs(cy / mass - 14) <= 1 && Math.abs(cx / mass - 14) <= 1, "centred: " + cx / mass + ", " + cy / mass);
        assertEquals(0f, DigitFraming.frame(new float[28 * 28])[400], "blank stays blank");
    }
}
