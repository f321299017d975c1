package org.neuralcanvas.dataset.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** Fetches one address into a file. {@link HttpDownloader} in the app; tests hand files over without a network. */
public interface Downloader {

    /**
     * Writes the body found at {@code url} into {@code file}, replacing what is there.
     *
     * @param expectedSize the size the body should have: more than this is refused
     * @param progress     called with the number of bytes written so far
     * @throws FetchException with a sentence naming the address when it cannot be fetched
     */
    void download(URI url, long expectedSize, Path file, LongConsumer progress) throws FetchException;
}
