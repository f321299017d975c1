package org.neuralcanvas.dataset.source;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST: a big-endian header (magic 0x0000080D where
 * D is the number of dimensions, then D sizes) followed by unsigned bytes.
 */
final class IdxReader {

    /** The sizes from the header and the unsigned-byte payload. */
    record Idx(int[] dims, byte[] bytes, int offset) {
        int count() {
            return dims[0];
        }
    }

    private IdxReader() {
    }

    static Idx read(DatasetDescriptor d, Path file, int expectedDims) throws DatasetException {
        byte[] bytes = CachedFiles.readAll(d, file);
        ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian by default, as IDX is
        if (bytes.length < 4 + 4 * expectedDims) {
            throw CachedFiles.unreadable(d, file, "it is too short to be an IDX file", null);
        }
        int magic = header.getInt();
        if (magic != (0x0800 | expectedDims)) {
            throw CachedFiles.unreadable(d, file, "its IDX magic number is 0x" + Integer.toHexString(magic)
                    + ", not 0x" + Integer.toHexString(0x0800 | expectedDims), null);
        }
        int[] dims = new int[expectedDims];
        long total = 1;
        for (int i = 0; i < expectedDims; i++) {
            dims[i] = header.getInt();
            total *= dims[i];
        }
        int offset = 4 + 4 * expectedDims;
        if (bytes.length - offset != total) {
            throw CachedFiles.unreadable(d, file, "its header promises " + Arrays.toString(dims) + " values but it holds "
                    + (bytes.length - offset), null);
        }
        return new Idx(dims, bytes, offset);
    }
}
