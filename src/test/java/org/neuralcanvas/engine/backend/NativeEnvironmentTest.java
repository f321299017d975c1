package org.neuralcanvas.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class NativeEnvironmentTest {

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aVariableSetForNativeCodeIsWhatNativeCodeReadsBack() {
        NativeEnvironment env = NativeEnvironment.ofThisProcess();
        assertTrue(env.isAvailable(), "libc reachable through JNA on Linux");
        String name = "NEURALCANVAS_NATIVE_ENV_TEST";
        assertNull(env.get(name));
        assertEquals(Map.of(name, "42"), env.setAll(Map.of(name, "42")));
        assertEquals("42", env.get(name));
    }
}
