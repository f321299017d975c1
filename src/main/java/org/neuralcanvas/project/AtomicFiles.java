package org.neuralcanvas.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a crash or a full disk never leaves a half-written file in place of a
 * good one: the bytes go to a temporary file beside the target, are flushed to disk, and then
 * the temporary file is moved over the target in one step.
 */
public final class AtomicFiles {

    /** Writes the content of a stream to a file. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Temporary files are created readable by the owner only; a saved file should have the
     * permissions the old file had, or the usual rw-r--r-- for a new one.
     */
    private static void keepPermissions(Path temp, Path target) {
        try {
            Set<PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the default permissions there are fine.
        }
    }

    /** A temporary file this old belongs to no save still running: it was left by one that was killed. */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(1);

    /**
     * Removes what earlier saves of this file left behind when the process was killed mid-save: our own temporary
     * files ({@code .NAME<digits>.tmp}, as {@link #write} names them) beside it, older than {@link #STALE_AFTER}.
     * Called before every save and when a project is opened; never throws.
     */
    public static void removeStaleTemps(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + absolute.getFileName();
        java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(STALE_AFTER));
        try (var entries = Files.newDirectoryStream(dir, e -> {
            String n = e.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp")
                    && n.substring(prefix.length(), n.length() - ".tmp".length()).matches("\\d+");
        })) {
            for (Path leftover : entries) {
                if (Files.isRegularFile(leftover, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(leftover).compareTo(before) < 0) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Clean-up is a courtesy: a folder we cannot list or a file we cannot delete changes nothing else.
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeStaleTemps(absolute);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                writer.writeTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
