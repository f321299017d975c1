package org.neuralcanvas.dataset.fetch;

/** Names inside archives: what counts as safe, and the form entries are compared in. */
final class ArchiveEntries {

    private ArchiveEntries() {
    }

    /**
     * True for a relative name that cannot reach outside the folder it is unpacked into: no leading
     * {@code /} or {@code \}, no drive letter, no {@code ..} part, no NUL.
     */
    static boolean isSafe(String name) {
        if (name == null || name.indexOf('\0') >= 0 || name.startsWith("/") || name.startsWith("\\")
                || (name.length() >= 2 && name.charAt(1) == ':')) {
            return false;
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The name without leading {@code ./} (Debian's tars write {@code ./usr/...}) or trailing {@code /}. */
    static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }
}
