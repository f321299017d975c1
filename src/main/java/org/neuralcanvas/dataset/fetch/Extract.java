package org.neuralcanvas.dataset.fetch;

/**
 * One file to take out of a source's archive.
 *
 * @param entry  its path inside the archive (inside {@code data.tar} for a {@code .deb}), without a leading
 *               {@code ./}, e.g. {@code package/data/train-images-idx3-ubyte}
 * @param target its name in the dataset cache, as {@code checksums.sha256} lists it, e.g.
 *               {@code mnist/train-images-idx3-ubyte}
 * @param gunzip whether the entry is gzip-compressed and is stored inflated (one read when loading)
 */
public record Extract(String entry, String target, boolean gunzip) {

    public Extract {
        if (!ArchiveEntries.isSafe(entry) || !ArchiveEntries.isSafe(target) || target.isEmpty()) {
            throw new IllegalArgumentException("unsafe archive entry or cache name: " + entry + " -> " + target);
        }
    }

    public static Extract file(String entry, String target) {
        return new Extract(entry, target, false);
    }

    public static Extract inflated(String entry, String target) {
        return new Extract(entry, target, true);
    }

    /** The dataset folder the file goes into: the first part of {@link #target()}. */
    public String folder() {
        int slash = target.indexOf('/');
        return slash < 0 ? "" : target.substring(0, slash);
    }
}
