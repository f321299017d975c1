package org.neuralcanvas.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The English and Simplified Chinese bundles say the same things: the same keys (a key missing in
 * Chinese would silently show English), the same {0}, {1} ... placeholders, and patterns that
 * MessageFormat reads as meant.
 */
class MessageBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/org/neuralcanvas/ui/" + name)) {
            assertNotNull(in, name);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertTrue(en.size() > 100, "keys: " + en.size());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        List<String> mismatched = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String z = zh.getProperty(key);
            if (!arguments(e).equals(arguments(z))) {
                mismatched.add(key + ": " + e + " | " + z);
            }
            if (!arguments(e).isEmpty()) {
                new MessageFormat(e); // throws on a broken pattern
                new MessageFormat(z);
                // In a pattern with placeholders a lone ' starts a quoted run: "model's {0}" would lose its {0}.
                for (String text : List.of(e, z)) {
                    if (text.replace("''", "").contains("'")) {
                        mismatched.add(key + ": a lone ' in " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), mismatched);
    }
}
