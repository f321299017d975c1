package org.neuralcanvas.dataset.fetch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.neuralcanvas.dataset.DatasetCache;

/**
 * The build's fetch step (the pom's {@code fetch-datasets} execution, phase {@code process-classes}):
 * {@code java -cp CLASSPATH org.neuralcanvas.dataset.fetch.FetchDatasets [CACHE_DIR]}, default
 * {@code ~/.neuralcanvas/datasets} or {@code -Dneuralcanvas.datasets.dir}. Prints one line per step; a
 * failure is one sentence on standard error and exit code 1.
 */
public final class FetchDatasets {

    private FetchDatasets() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 || args.length == 1 && (args[0].isBlank() || args[0].startsWith("-"))) {
            err.println("[datasets] Usage: FetchDatasets [CACHE_DIR] (default: the folder -D"
                    + DatasetCache.ROOT_PROPERTY + " names, else ~/.neuralcanvas/datasets).");
            return 2;
        }
        Path root = args.length == 1 ? Path.of(args[0]) : DatasetCache.atDefaultLocation().root();
        DatasetFetcher fetcher = DatasetFetcher.standard(root, new ConsoleListener(out));
        try {
            fetcher.fetchMissing();
            return 0;
        } catch (FetchException e) {
            err.println("[datasets] ERROR: " + e.getMessage());
            return 1;
        }
    }

    /** Steps as lines, and each download's progress in quarters. */
    private static final class ConsoleListener implements FetchListener {
        private final PrintStream out;
        private final Map<DatasetSource, Integer> quartersShown = new HashMap<>();

        ConsoleListener(PrintStream out) {
            this.out = out;
        }

        @Override
        public void step(String sentence) {
            out.println("[datasets] " + sentence);
        }

        @Override
        public void downloaded(DatasetSource source, long bytes) {
            int quarter = (int) Math.min(4, bytes * 4 / source.size());
            if (quarter > quartersShown.getOrDefault(source, 0)) {
                quartersShown.put(source, quarter);
                out.println(String.format(Locale.ROOT, "[datasets]   %d%% of %s", quarter * 25, source.sizeText()));
            }
        }
    }
}
