package org.neuralcanvas.dataset.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * Takes named files out of a {@code .tgz} or {@code .deb}, all or none: each is written under a temporary
 * name beside its place in the cache, SHA-256-checked against the cache's list, and only when the whole
 * archive has been read without a problem moved into place (atomically where the file system can). An entry
 * whose name could reach outside its folder ({@code ../}, an absolute path) makes the whole archive refused.
 */
final class ArchiveUnpacker {

    private ArchiveUnpacker() {
    }

    /**
     * @param archive   the downloaded file, already checked against {@code source}'s SHA-256
     * @param wanted    which of the source's files to take
     * @param root      the dataset cache
     * @param checksums the cache's list: cache name to SHA-256
     * @return the cache names written
     */
    static List<String> unpack(Path archive, DatasetSource source, Collection<Extract> wanted, Path root,
                               Map<String, String> checksums) throws FetchException {
        Map<String, Extract> byEntry = new LinkedHashMap<>();
        for (Extract x : wanted) {
            byEntry.put(x.entry(), x);
        }
        Map<Extract, Path> staged = new LinkedHashMap<>();
        boolean moved = false;
        try {
            try (TarArchiveInputStream tar = openTar(archive, source)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    String raw = entry.getName();
                    // Links are never created (only plain files are taken), so only the names themselves matter.
                    if (!ArchiveEntries.isSafe(raw)) {
                        throw new FetchException("The archive from " + source.url() + " holds an entry with an unsafe"
                                + " name (" + raw + ") that could write outside the dataset folder, so the whole"
                                + " archive was refused.");
                    }
                    Extract x = byEntry.get(ArchiveEntries.normalise(raw));
                    if (x == null) {
                        continue;
                    }
                    if (!entry.isFile() || entry.isLink()) {
                        throw new FetchException("In the archive from " + source.url() + ", " + x.entry()
                                + " is not a plain file (a link or a folder), so it was not unpacked.");
                    }
                    Path previous = staged.put(x, stage(tar, x, source, root, checksums));
                    if (previous != null) {
                        Files.deleteIfExists(previous); // a tar may hold a name twice; the last one counts
                    }
                }
            }
            for (Extract x : wanted) {
                if (!staged.containsKey(x)) {
                    throw new FetchException("The archive from " + source.url() + " has no " + x.entry()
                            + ", so " + x.target() + " could not be fetched; the package has changed, and "
                            + "DatasetSources needs updating.");
                }
            }
            List<String> written = new ArrayList<>();
            for (Map.Entry<Extract, Path> e : staged.entrySet()) {
                moveIntoPlace(e.getValue(), root.resolve(e.getKey().target()));
                written.add(e.getKey().target());
            }
            moved = true;
            return written;
        } catch (InterruptedIOException e) {
            throw new FetchException("Fetching " + source.name() + " was cancelled; nothing half-written was left"
                    + " in the dataset cache.", e);
        } catch (IOException e) {
            throw new FetchException("The archive from " + source.url() + " could not be unpacked into " + root
                    + " (" + e.getMessage() + "); check that the folder is writable and has room, and run the build"
                    + " again.", e);
        } finally {
            if (!moved) {
                for (Path p : staged.values()) {
                    deleteQuietly(p);
                }
            }
        }
    }

    /** The tar stream inside the archive: the {@code .tgz} itself, or a {@code .deb}'s {@code data.tar*} member. */
    private static TarArchiveInputStream openTar(Path archive, DatasetSource source) throws IOException, FetchException {
        InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
        try {
            if (source.format() == ArchiveFormat.TGZ) {
                return new TarArchiveInputStream(new GzipCompressorInputStream(in));
            }
            ArArchiveInputStream ar = new ArArchiveInputStream(in);
            for (ArArchiveEntry member; (member = nextMember(ar, source)) != null; ) {
                String name = ArchiveEntries.normalise(member.getName());
                switch (name) {
                    case "data.tar.xz":
                        return new TarArchiveInputStream(new XZCompressorInputStream(ar));
                    case "data.tar.gz":
                        return new TarArchiveInputStream(new GzipCompressorInputStream(ar));
                    case "data.tar":
                        return new TarArchiveInputStream(ar);
                    default:
                        if (name.startsWith("data.tar.")) {
                            throw new FetchException("The Debian package from " + source.url() + " keeps its files in "
                                    + name + ", a compression this fetcher does not read (it reads .xz and .gz).");
                        }
                }
            }
            throw new FetchException("The file from " + source.url() + " is not a Debian package (it has no data.tar"
                    + " member), so nothing was taken from it.");
        } catch (IOException | FetchException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static ArArchiveEntry nextMember(ArArchiveInputStream ar, DatasetSource source) throws FetchException {
        try {
            return ar.getNextEntry();
        } catch (IOException e) {
            throw new FetchException("The file from " + source.url() + " is not a Debian package (" + e.getMessage()
                    + "), so nothing was taken from it.", e);
        }
    }

    /** Writes one entry to a temporary file beside its target and checks its SHA-256; returns the file. */
    private static Path stage(InputStream tar, Extract x, DatasetSource source, Path root,
                              Map<String, String> checksums) throws IOException, FetchException {
        String expected = checksums.get(x.target());
        if (expected == null) {
            throw new IllegalArgumentException(x.target() + " is not in the cache's checksum list");
        }
        Path target = root.resolve(x.target()).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException(x.target() + " is outside the cache");
        }
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        MessageDigest sha256 = sha256();
        try {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), sha256)) {
                InputStream in = x.gunzip() ? new GZIPInputStream(CloseShieldInputStream.wrap(tar), 1 << 16) : tar;
                copy(in, out);
                if (x.gunzip()) {
                    in.close(); // the shield keeps the tar open
                }
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(expected)) {
                throw new FetchException(x.target() + " as unpacked from " + source.url() + " does not match its SHA-256"
                        + " (expected " + expected + ", got " + actual + "), so it was not put in the cache; the"
                        + " package's data has changed, and checksums.sha256 or DatasetSources needs updating.");
            }
            return part;
        } catch (IOException | FetchException | RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
            out.write(buffer, 0, n);
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray .part file is ignored by the cache and replaced by the next fetch
        }
    }
}
