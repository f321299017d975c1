package org.neuralcanvas.dataset.fetch;

/** What a fetch reports while it runs: sentences for a log or a dialog, and download progress. */
public interface FetchListener {

    /** One step done or begun, as a sentence. */
    void step(String sentence);

    /** {@code bytes} of {@code source}'s archive (of {@link DatasetSource#size()}) have arrived. */
    default void downloaded(DatasetSource source, long bytes) {
    }
}
