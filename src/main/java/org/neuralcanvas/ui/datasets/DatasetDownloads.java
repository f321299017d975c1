package org.neuralcanvas.ui.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.stage.Window;
import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.fetch.DatasetFetcher;
import org.neuralcanvas.ui.common.I18n;

/**
 * Where the window offers the datasets' download: at start when the cache lacks files (an app installed from its
 * image, whose build never fetched them), and from Help ▸ Download Datasets. The checks read the disk (the
 * menu's hashes every file), so they run on the background executor.
 */
public final class DatasetDownloads {

    /** {@code -Dneuralcanvas.datasets.offer=false} starts without the offer (scripted runs, tests). */
    public static final String OFFER_PROPERTY = "neuralcanvas.datasets.offer";

    private DatasetDownloads() {
    }

    /** At start: opens the download window only if files are missing. */
    /** @param onFetched run on the FX thread after a download completed (the Train panel checks its data again) */
    public static void offerIfMissing(Window owner, I18n i18n, Executor background, Runnable onFetched) {
        if (!"false".equalsIgnoreCase(System.getProperty(OFFER_PROPERTY))) {
            check(owner, i18n, background, false, onFetched);
        }
    }

    /** From the menu: the download window, or the sentence that everything is there. */
    public static void open(Window owner, I18n i18n, Executor background, Runnable onFetched) {
        check(owner, i18n, background, true, onFetched);
    }

    private static void check(Window owner, I18n i18n, Executor background, boolean evenIfComplete,
                              Runnable onFetched) {
        Path root = DatasetCache.atDefaultLocation().root();
        background.execute(() -> {
            DatasetFetcher probe = DatasetFetcher.standard(root, sentence -> { });
            // At start, names only (hashing 200 MB each start is not worth it: training checks the files it reads);
            // from the menu, every file's SHA-256.
            List<String> missing = evenIfComplete ? probe.filesToFetch() : probe.filesAbsent();
            long bytes = probe.downloadSize(missing);
            if (missing.isEmpty() && !evenIfComplete) {
                return;
            }
            Platform.runLater(() -> {
                DatasetDownloadWindow w = new DatasetDownloadWindow(owner, i18n,
                        listener -> DatasetFetcher.standard(root, listener));
                w.onFetched(onFetched);
                if (missing.isEmpty()) {
                    w.complete(root.toString());
                } else {
                    w.offer(missing, bytes);
                }
            });
        });
    }
}
