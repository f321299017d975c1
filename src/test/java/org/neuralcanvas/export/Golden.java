package org.neuralcanvas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares an exporter's text with its golden file in src/test/resources/golden. To accept a
 * deliberate change, run the tests with {@code -Dgolden.update=true} and review the diff.
 */
final class Golden {

    private static final Path SOURCE = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static void check(String file, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(SOURCE);
            Files.writeString(SOURCE.resolve(file), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) {
                throw new AssertionError("No golden file " + file + "; run with -Dgolden.update=true to create it.");
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    file + " differs; if the change is meant, run with -Dgolden.update=true and review the diff.");
        }
    }
}
