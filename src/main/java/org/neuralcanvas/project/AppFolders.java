package org.neuralcanvas.project;

import java.nio.file.Path;

/**
 * Where the application keeps its own files: {@code -Dneuralcanvas.home} (tests), else {@code ~/.neuralcanvas}; the
 * log is {@code logs/neuralcanvas.log} in it (the same rule as logback.xml's {@code LOG_DIR}).
 */
public final class AppFolders {

    public static final String HOME_PROPERTY = "neuralcanvas.home";

    private AppFolders() {
    }

    public static Path home() {
        String override = System.getProperty(HOME_PROPERTY);
        return override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".neuralcanvas");
    }

    /** The log file that the user is sent to for details. */
    public static Path logFile() {
        return home().resolve("logs").resolve("neuralcanvas.log");
    }
}
