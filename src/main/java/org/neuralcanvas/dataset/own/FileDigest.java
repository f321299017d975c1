package org.neuralcanvas.dataset.own;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: of a file's bytes, or of a folder as the list of its files' names and checksums. */
final class FileDigest {

    private FileDigest() {
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Accumulates "relative/name = sha256" lines, in the order given (sorted by the caller): a folder's checksum. */
    static final class Listing {
        private final MessageDigest md = digest();

        void add(String relativeName, String sha256) {
            md.update((relativeName + " = " + sha256 + "\n").getBytes(StandardCharsets.UTF_8));
        }

        String sha256() {
            return HexFormat.of().formatHex(md.digest());
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
