package org.neuralcanvas.dataset.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import org.neuralcanvas.dataset.SequenceSplit;

/**
 * Keeps the word-index encoding of a text dataset next to its source files, so IMDB's 50,000
 * reviews are tokenised once per machine rather than on every load (seconds, against a
 * fraction of a second to read back). The file is derived data: it records the fingerprint
 * of the verified source files it was made from and a CRC-32 of its content, and anything
 * that does not match (other sources, damage, a format change) is simply ignored and rebuilt.
 */
final class EncodedTextCache {

    static final String FILE_NAME = "encoded-v1.bin";
    private static final int MAGIC = 0x4E435458; // "NCTX"
    private static final int VERSION = 1;

    /** What is stored: both splits and the vocabulary. */
    record Encoded(SequenceSplit train, SequenceSplit test, List<String> vocabulary) {
    }

    private EncodedTextCache() {
    }

    /** The stored encoding if it is intact and was made from these sources; empty otherwise. */
    static Optional<Encoded> read(Path file, String fingerprint) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 16) {
                return Optional.empty();
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            if (in.getLong(bytes.length - 8) != crc.getValue() || in.getInt() != MAGIC || in.getInt() != VERSION
                    || !fingerprint.equals(string(in))) {
                return Optional.empty();
            }
            int words = in.getInt();
            List<String> vocabulary = new ArrayList<>(words);
            for (int i = 0; i < words; i++) {
                vocabulary.add(string(in));
            }
            SequenceSplit train = split(in);
            SequenceSplit test = split(in);
            return Optional.of(new Encoded(train, test, vocabulary));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or damaged: the caller rebuilds it
        }
    }

    /** Stores the encoding; a failure to write (read-only cache, full disk) only costs speed. */
    static void write(Path file, String fingerprint, Encoded encoded) {
        List<byte[]> words = new ArrayList<>();
        long size = 4 + 4 + 4 + fingerprint.getBytes(StandardCharsets.UTF_8).length + 4 + 8;
        for (String w : encoded.vocabulary()) {
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            words.add(b);
            size += 4 + b.length;
        }
        size += splitSize(encoded.train()) + splitSize(encoded.test());
        if (size > Integer.MAX_VALUE) {
            return;
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.putInt(MAGIC).putInt(VERSION);
        putString(out, fingerprint.getBytes(StandardCharsets.UTF_8));
        out.putInt(words.size());
        words.forEach(b -> putString(out, b));
        putSplit(out, encoded.train());
        putSplit(out, encoded.test());
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        Path temp = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.write(temp, out.array());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do: the encoding is rebuilt next time
            }
        }
    }

    private static long splitSize(SequenceSplit s) {
        long size = 4 + 4L * s.count() * 2;
        for (int[] seq : s.sequences()) {
            size += 4L * seq.length;
        }
        return size;
    }

    private static void putSplit(ByteBuffer out, SequenceSplit s) {
        out.putInt(s.count());
        for (int i = 0; i < s.count(); i++) {
            out.putInt(s.labels()[i]);
            int[] seq = s.sequences()[i];
            out.putInt(seq.length);
            out.asIntBuffer().put(seq);
            out.position(out.position() + 4 * seq.length);
        }
    }

    private static SequenceSplit split(ByteBuffer in) {
        int n = in.getInt();
        int[][] sequences = new int[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = in.getInt();
            int[] seq = new int[in.getInt()];
            in.asIntBuffer().get(seq);
            in.position(in.position() + 4 * seq.length);
            sequences[i] = seq;
        }
        return new SequenceSplit(sequences, labels);
    }

    private static void putString(ByteBuffer out, byte[] utf8) {
        out.putInt(utf8.length).put(utf8);
    }

    private static String string(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
