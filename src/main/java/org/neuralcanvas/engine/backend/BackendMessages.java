package org.neuralcanvas.engine.backend;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentences the user may read about the backend: what happened and what to do. They
 * come from the resource bundle {@code BackendMessages} beside this class (English and
 * Simplified Chinese), in the JVM's default locale; the UI shows them as they are.
 */
final class BackendMessages {

    private static final String BUNDLE = "org.neuralcanvas.engine.backend.BackendMessages";

    private BackendMessages() {
    }

    static String noGpuInBuild() {
        return text("noGpuInBuild");
    }

    static String noDriverFallback() {
        return text("noDriverFallback");
    }

    static String noDriverAndNoCpu() {
        return text("noDriverAndNoCpu");
    }

    static String onlyGpuInBuild() {
        return text("onlyGpuInBuild");
    }

    static String gpuWinsWhenPresent() {
        return text("gpuWinsWhenPresent");
    }

    static String nothingLoaded() {
        return text("nothingLoaded");
    }

    static String gpuFailedFallback() {
        return text("gpuFailedFallback");
    }

    static String gpuTooNew(NvidiaGpu gpu) {
        return text("gpuTooNew", gpu.name(), gpu.computeCapability());
    }

    static String buildDidNotLoad(CpuBuild chosen, CpuBuild loaded) {
        return text("buildDidNotLoad", chosen.displayName(), loaded.displayName());
    }

    static String buildRefused(String asked, CpuBuild used) {
        return text("buildRefused", asked, used.displayName());
    }

    private static String text(String key, Object... args) {
        Locale locale = Locale.getDefault();
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
