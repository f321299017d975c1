package org.neuralcanvas.engine.backend;

import org.junit.jupiter.api.extension.Extension;

/**
 * Selects the ND4J backend once, before any test runs, so no test class can load ND4J first
 * and leave JavaCPP to pick a build the processor can't run (libnd4j then exits the JVM).
 * Registered for every test through META-INF/services and
 * {@code junit.jupiter.extensions.autodetection.enabled} in junit-platform.properties.
 */
public final class SelectBackendBeforeAnyTest implements Extension {

    public SelectBackendBeforeAnyTest() {
        new Backends().ensureSelected();
    }
}
