package org.neuralcanvas.ui.results;

/**
 * A drawn digit framed as MNIST's were: the ink's bounding box scaled (keeping its aspect) to fit 20×20 pixels, then
 * placed in the 28×28 picture so that its centre of mass is at the centre. A digit drawn large in a corner of the
 * pad then looks to the model like the digits it learnt from.
 */
final class DigitFraming {

    static final int SIZE = 28;
    static final int BOX = 20;

    private DigitFraming() {
    }

    /** The framed picture; a blank drawing stays blank. */
    static float[] frame(float[] ink) {
        int top = SIZE;
        int bottom = -1;
        int left = SIZE;
        int right = -1;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (ink[y * SIZE + x] > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        float[] out = new float[SIZE * SIZE];
        if (bottom < 0) {
            return out;
        }
        int h = bottom - top + 1;
        int w = right - left + 1;
        double scale = (double) BOX / Math.max(h, w);
        int sh = Math.max(1, (int) Math.round(h * scale));
        int sw = Math.max(1, (int) Math.round(w * scale));
        // Box-filtered resize of the bounding box to sw × sh (area average of the source pixels each covers).
        float[] scaled = new float[sh * sw];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double y0 = top + y / scale;
                double x0 = left + x / scale;
                double sum = 0;
                int n = 0;
                for (int sy = (int) y0; sy < Math.max((int) y0 + 1, (int) Math.ceil(y0 + 1 / scale)) && sy <= bottom; sy++) {
                    for (int sx = (int) x0; sx < Math.max((int) x0 + 1, (int) Math.ceil(x0 + 1 / scale)) && sx <= right; sx++) {
                        sum += ink[sy * SIZE + sx];
                        n++;
                    }
                }
                scaled[y * sw + x] = n == 0 ? 0 : (float) (sum / n);
            }
        }
        // Centre of mass of the scaled digit, placed at the picture's centre.
        double mass = 0;
        double cy = 0;
        double cx = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                float v = scaled[y * sw + x];
                mass += v;
                cy += v * y;
                cx += v * x;
            }
        }
        int offY = (int) Math.round(SIZE / 2.0 - (mass == 0 ? sh / 2.0 : cy / mass));
        int offX = (int) Math.round(SIZE / 2.0 - (mass == 0 ? sw / 2.0 : cx / mass));
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int ty = y + offY;
                int tx = x + offX;
                if (ty >= 0 && ty < SIZE && tx >= 0 && tx < SIZE) {
                    out[ty * SIZE + tx] = Math.min(1f, scaled[y * sw + x]);
                }
            }
        }
        return out;
    }
}
