package org.neuralcanvas.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.fetch.ArchiveFormat;
import org.neuralcanvas.dataset.fetch.DatasetFetcher;
import org.neuralcanvas.dataset.fetch.DatasetSource;
import org.neuralcanvas.dataset.fetch.Downloader;
import org.neuralcanvas.dataset.fetch.Extract;
import org.neuralcanvas.dataset.fetch.FetchException;
import org.neuralcanvas.dataset.fetch.TestArchives;
import org.neuralcanvas.ui.common.I18n;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The download window as a user of an installed app meets it: it says what is missing and how large, Download
 * fills the cache (from an archive made here, handed over without a network), Cancel stops a download and keeps
 * nothing, and an offline computer gets the sentence naming the address.
 */
@ExtendWith(ApplicationExtension.class)
class DatasetDownloadWindowTest {

    private static final URI URL = URI.create("https://registry.npmjs.org/pkg/-/pkg-1.0.0.tgz");
    private static final String TARGET = "pkg/data.txt";
    private static final byte[] CONTENT = "the data\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private Stage owner;
    private final I18n i18n = new I18n(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 320, 200));
        stage.show();
    }

    private DatasetDownloadWindow window(Downloader downloader) throws Exception {
        byte[] archive = TestArchives.tgz(TestArchives.entries("package/data.txt", CONTENT));
        DatasetSource source = new DatasetSource("npm pkg@1.0.0", URL, TestArchives.sha256(archive), archive.length,
                ArchiveFormat.TGZ, List.of(Extract.file("package/data.txt", TARGET)));
        Map<String, String> checksums = Map.of(TARGET, TestArchives.sha256(new String(CONTENT, StandardCharsets.UTF_8)));
        Downloader handOver = downloader != null ? downloader : (url, size, file, progress) -> {
            try {
                Files.write(file, archive);
            } catch (java.io.IOException e) {
                throw new FetchException(e.getMessage(), e);
            }
            progress.accept(archive.length);
        };
        DatasetDownloadWindow[] w = new DatasetDownloadWindow[1];
        WaitForAsyncUtils.asyncFx(() -> {
            w[0] = new DatasetDownloadWindow(owner, i18n, listener -> new DatasetFetcher(dir, checksums,
                    List.of(source), handOver, listener));
            DatasetFetcher probe = new DatasetFetcher(dir, checksums, List.of(source), handOver, s -> { });
            w[0].offer(probe.filesToFetch(), probe.downloadSize(probe.filesToFetch()));
        }).get(10, TimeUnit.SECONDS);
        return w[0];
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void downloadFillsTheCacheAndSaysSo(FxRobot robot) throws Exception {
        window(null);
        assertTrue(text(robot, "datasets-message").contains("1 files to fetch"), text(robot, "datasets-message"));
        robot.clickOn("#datasets-download");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#datasets-close").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(i18n.get("datasets.done"), text(robot, "datasets-message"));
        assertEquals("the data\n", Files.readString(dir.resolve(TARGET)));
    }

    @Test
    void cancelStopsTheDownloadAndKeepsNothing(FxRobot robot) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        window((url, size, file, progress) -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(); // a network that never answers: only Cancel ends this
            } catch (InterruptedException e) {
                throw new FetchException("The download from " + url + " was cancelled.", e);
            }
        });
        robot.clickOn("#datasets-download");
        assertTrue(started.await(10, TimeUnit.SECONDS));
        robot.clickOn("#datasets-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#datasets-close").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(i18n.get("datasets.cancelled"), text(robot, "datasets-message"));
        assertFalse(Files.exists(dir.resolve(TARGET)));
    }

    @Test
    void offlineNamesTheAddress(FxRobot robot) throws Exception {
        window((url, size, file, progress) -> {
            throw new FetchException("Could not connect to " + url + ": the computer seems to be offline.");
        });
        robot.clickOn("#datasets-download");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#datasets-close").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "datasets-message").contains(URL.toString()), text(robot, "datasets-message"));
    }
}
