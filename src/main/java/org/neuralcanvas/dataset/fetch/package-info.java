/**
 * Fills the dataset cache from the package registries (npm tarballs, Debian pool {@code .deb}s) with
 * nothing but the JDK and Apache Commons Compress: download over {@code java.net.http}, SHA-256 check of
 * the archive against a pinned value, unpack of the named entries only, SHA-256 check of every file against
 * {@code checksums.sha256}, atomic move into place. Run by the build ({@link FetchDatasets}).
 */
package org.neuralcanvas.dataset.fetch;
