package org.neuralcanvas.domain.text;

import java.util.Locale;

/** Sizes of files and memory as people read them: {@code 238 KB}, {@code 94 MB}, {@code 1.8 GB}. */
public final class ByteSizes {

    private ByteSizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1L << 20) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        if (bytes < 1L << 30) {
            return Math.round(bytes / (double) (1L << 20)) + " MB";
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
}
