package org.neuralcanvas.engine.backend;

import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Reads and writes the process environment that native libraries see ({@code getenv} of the C
 * library), which {@link System#getenv()} only shows as it was at start-up. OpenBLAS reads
 * {@code OPENBLAS_CORETYPE} and libgomp reads {@code OMP_WAIT_POLICY} once, when they load;
 * setting them here before ND4J loads changes what they do, with no launcher script or child
 * JVM. Uses JNA, which ND4J already brings. Linux and macOS only; elsewhere a no-op.
 */
public final class NativeEnvironment {

    /** The two libc calls we need. */
    public interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private final CLibrary libc;

    private NativeEnvironment(CLibrary libc) {
        this.libc = libc;
    }

    /** The process environment of this JVM; empty (does nothing) where libc can't be reached. */
    public static NativeEnvironment ofThisProcess() {
        if (Platform.isWindows()) {
            return new NativeEnvironment(null);
        }
        try {
            return new NativeEnvironment(Native.loadLibrary("c", CLibrary.class));
        } catch (RuntimeException | LinkageError e) {
            return new NativeEnvironment(null);
        }
    }

    /** Whether this can change the environment native libraries see. */
    public boolean isAvailable() {
        return libc != null;
    }

    /** The value native code sees now, or null. */
    public String get(String name) {
        return libc == null ? System.getenv(name) : libc.getenv(name);
    }

    /**
     * Sets the variables. Call early, on one thread: libc's setenv is not safe against a
     * concurrent getenv.
     *
     * @return those actually set
     */
    public Map<String, String> setAll(Map<String, String> variables) {
        Map<String, String> done = new LinkedHashMap<>();
        if (libc == null) {
            return done;
        }
        variables.forEach((name, value) -> {
            if (libc.setenv(name, value, 1) == 0) {
                done.put(name, value);
            }
        });
        return done;
    }
}
