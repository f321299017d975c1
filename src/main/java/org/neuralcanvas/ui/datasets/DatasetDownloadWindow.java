package org.neuralcanvas.ui.datasets;

import org.neuralcanvas.ui.common.AppThreads;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.neuralcanvas.dataset.fetch.DatasetFetcher;
import org.neuralcanvas.dataset.fetch.DatasetSource;
import org.neuralcanvas.dataset.fetch.FetchException;
import org.neuralcanvas.dataset.fetch.FetchListener;
import org.neuralcanvas.ui.common.I18n;

/**
 * The datasets' download, from the window: what is missing and how large it is, Download or Later, then progress
 * with Cancel, then done or the sentence that says why not (an offline computer gets the address it could not
 * reach). The fetch runs on a thread of its own; the window never blocks. Nothing half-downloaded is kept (the
 * fetcher writes each archive's files only once they are complete and checked).
 */
public final class DatasetDownloadWindow {

    private final I18n i18n;
    private final Function<FetchListener, DatasetFetcher> fetchers;
    private final Stage stage = new Stage();
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label detail = new Label();
    private final Button download = new Button();
    private final Button later = new Button();
    private final Button cancel = new Button();
    private final Button close = new Button();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong arrived = new AtomicLong();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile long total;
    private Thread worker;
    private Runnable onFetched = () -> { };

    /**
     * @param fetchers makes the fetcher with the window's listener: {@code DatasetFetcher.standard(root, listener)}
     *                 in the app, archives made by the test in tests
     */
    public DatasetDownloadWindow(Window owner, I18n i18n, Function<FetchListener, DatasetFetcher> fetchers) {
        this.i18n = i18n;
        this.fetchers = fetchers;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(i18n.get("datasets.title"));
        message.setWrapText(true);
        message.setId("datasets-message");
        detail.setWrapText(true);
        detail.setId("datasets-detail");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        download.setText(i18n.get("datasets.download"));
        download.setId("datasets-download");
        download.setDefaultButton(true);
        later.setText(i18n.get("datasets.later"));
        later.setId("datasets-later");
        cancel.setText(i18n.get("datasets.cancel"));
        cancel.setId("datasets-cancel");
        close.setText(i18n.get("datasets.close"));
        close.setId("datasets-close");
        ButtonBar.setButtonData(download, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(later, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.OK_DONE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().setAll(download, later);
        download.setOnAction(e -> start(buttons));
        later.setOnAction(e -> stage.close());
        cancel.setOnAction(e -> cancel());
        close.setOnAction(e -> stage.close());
        stage.setOnCloseRequest(e -> cancel());
        VBox root = new VBox(12, message, progress, detail, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(520);
        stage.setScene(new Scene(root));
    }

    /** Shows what is missing (the names from {@link DatasetFetcher#filesToFetch()}) and offers to fetch it. */
    public void offer(List<String> missing, long bytes) {
        message.setText(i18n.format("datasets.missing", String.valueOf(missing.size()), megabytes(bytes)));
        detail.setText(String.join(", ", missing.stream().map(f -> f.substring(0, Math.max(0, f.indexOf('/'))))
                .distinct().toList()));
        stage.show();
    }

    /** Says that nothing is missing (the menu's answer when the cache is complete). */
    public void complete(String root) {
        message.setText(i18n.format("datasets.complete", root));
        detail.setText("");
        ((ButtonBar) ((VBox) stage.getScene().getRoot()).getChildren().get(3)).getButtons().setAll(close);
        stage.show();
    }

    /** Run on the FX thread once a download has completed. */
    public void onFetched(Runnable action) {
        this.onFetched = action;
    }

    public Stage stage() {
        return stage;
    }

    private void start(ButtonBar buttons) {
        buttons.getButtons().setAll(cancel);
        progress.setVisible(true);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        message.setText(i18n.get("datasets.downloading"));
        DatasetFetcher fetcher = fetchers.apply(new FetchListener() {
            @Override
            public void step(String sentence) {
                Platform.runLater(() -> detail.setText(sentence));
            }

            @Override
            public void downloaded(DatasetSource source, long bytes) {
                total = Math.max(total, source.size());
                arrived.set(bytes);
                // At most one update waiting on the FX thread, however fast the bytes come.
                if (refreshQueued.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        refreshQueued.set(false);
                        long t = total;
                        progress.setProgress(t > 0 ? (double) arrived.get() / t : ProgressBar.INDETERMINATE_PROGRESS);
                        message.setText(i18n.format("datasets.progress", source.name(), megabytes(arrived.get()),
                                megabytes(t)));
                    });
                }
            }
        });
        worker = AppThreads.thread("dataset-download", () -> {
            try {
                fetcher.fetchMissing();
                finish(buttons, i18n.get("datasets.done"), 1);
                Platform.runLater(() -> onFetched.run());
            } catch (FetchException e) {
                finish(buttons, cancelled.get() ? i18n.get("datasets.cancelled")
                        : i18n.format("datasets.failed", e.getMessage()), 0);
            } catch (RuntimeException e) {
                finish(buttons, i18n.format("datasets.failed", String.valueOf(e.getMessage())), 0);
            }
        });
        worker.start();
    }

    private void finish(ButtonBar buttons, String sentence, double done) {
        Platform.runLater(() -> {
            progress.setProgress(done);
            message.setText(sentence);
            buttons.getButtons().setAll(close);
        });
    }

    private void cancel() {
        Thread w = worker;
        if (w != null && w.isAlive()) {
            cancelled.set(true);
            w.interrupt();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
