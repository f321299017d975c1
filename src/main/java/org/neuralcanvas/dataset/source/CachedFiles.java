package org.neuralcanvas.dataset.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;

/** File reading shared by the loaders, turning I/O failures into user-facing sentences. */
final class CachedFiles {

    private CachedFiles() {
    }

    static byte[] readAll(DatasetDescriptor d, Path file) throws DatasetException {
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(d, file, e.getMessage(), e);
        }
    }

    static DatasetException unreadable(DatasetDescriptor d, Path file, String what, Throwable cause) {
        return new DatasetException(DatasetException.Reason.UNREADABLE,
                "The cached file " + file + " of " + d.displayName() + " could not be read: " + what
                        + ". Delete " + file.getParent() + " and run " + org.neuralcanvas.dataset.DatasetCache.FETCH_COMMAND
                        + " to fetch it again.", cause);
    }
}
