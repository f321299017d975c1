package org.neuralcanvas.project;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions a run can be reproduced with: NeuralCanvas's and Deeplearning4j's (written into
 * {@code org/neuralcanvas/versions.properties} by the build), Java's and the operating system's.
 *
 * @param app  NeuralCanvas, e.g. {@code 0.1.0-SNAPSHOT}
 * @param dl4j Deeplearning4j, e.g. {@code 1.0.0-M2.1}
 * @param java the Java runtime: version and vendor
 * @param os   the operating system: name, version and processor architecture
 */
public record AppVersions(String app, String dl4j, String java, String os) {

    /** What this process runs on; a version the build did not write reads as {@code unknown}. */
    public static AppVersions current() {
        Properties p = new Properties();
        try (InputStream in = AppVersions.class.getResourceAsStream("/org/neuralcanvas/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // A class path without the file (an IDE that skipped filtering) still has a report: it says unknown.
        }
        return new AppVersions(known(p.getProperty("app")), known(p.getProperty("dl4j")),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }
}
