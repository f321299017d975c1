package org.neuralcanvas.export.report;

/**
 * Text made safe for the report's HTML. The report is also well-formed XML (XHTML), so that a strict parser can check
 * it, which is why only the five XML escapes and numeric references are used (no {@code &nbsp;}).
 */
public final class Html {

    private Html() {
    }

    /** Any text a project or run holds — a layer called {@code <script>} included — as inert characters. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters other than tab and newlines are not allowed in XML at all: drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
