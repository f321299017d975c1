package org.neuralcanvas.engine.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What backend selection reads from, and writes to, the running machine. {@link #system()} is
 * the real one; tests pass their own so the choice can be checked from plain strings.
 */
public interface BackendHost {

    /**
     * The processor as the OS describes it ({@code /proc/cpuinfo} on Linux, {@code sysctl} on macOS,
     * {@code IsProcessorFeaturePresent} on Windows), in /proc/cpuinfo's flag names; no flags when unreadable.
     */
    CpuInfo cpuInfo();

    /** A JVM system property, or null. */
    String property(String key);

    /** Sets a JVM system property. */
    void setProperty(String key, String value);

    /** Whether the class path holds this resource (a path such as {@code org/nd4j/.../x.so}). */
    boolean hasResource(String path);

    /** Whether an NVIDIA kernel driver is loaded, the least a CUDA backend needs. */
    boolean nvidiaDriverLoaded();

    /** JavaCPP's platform name for this machine, e.g. {@code linux-x86_64}. */
    String platform();

    /** An environment variable as native libraries see it now, or null. */
    String nativeEnv(String name);

    /** Sets environment variables for native libraries loaded from now on; returns those set. */
    java.util.Map<String, String> setNativeEnv(java.util.Map<String, String> variables);

    /**
     * The NVIDIA GPUs, from {@code nvidia-smi}; empty when it is missing or says nothing. Asked only where a CUDA
     * build meets a loaded driver.
     */
    default java.util.List<NvidiaGpu> nvidiaGpus() {
        return java.util.List.of();
    }

    /** The real machine: /proc/cpuinfo, System properties, this class's class loader. */
    static BackendHost system() {
        return new SystemHost();
    }

    /** Reads the live machine. Kept free of JavaCPP and ND4J so nothing native loads early. */
    final class SystemHost implements BackendHost {

        private static final Path NVIDIA_DRIVER = Path.of("/proc/driver/nvidia/version");

        /** Read from what this OS offers: /proc/cpuinfo, sysctl or IsProcessorFeaturePresent ({@link OsCpuInfo}). */
        @Override
        public CpuInfo cpuInfo() {
            return OsCpuInfo.read(platform());
        }

        @Override
        public String property(String key) {
            return System.getProperty(key);
        }

        @Override
        public void setProperty(String key, String value) {
            System.setProperty(key, value);
        }

        @Override
        public boolean hasResource(String path) {
            ClassLoader loader = BackendHost.class.getClassLoader();
            return loader != null && loader.getResource(path) != null;
        }

        @Override
        public boolean nvidiaDriverLoaded() {
            return Files.isReadable(NVIDIA_DRIVER);
        }

        @Override
        public java.util.List<NvidiaGpu> nvidiaGpus() {
            try {
                Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,compute_cap", "--format=csv,noheader")
                        .redirectErrorStream(true).start();
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return java.util.List.of();
                }
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? NvidiaGpu.parseQuery(out) : java.util.List.of();
            } catch (IOException | RuntimeException e) {
                return java.util.List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return java.util.List.of();
            }
        }

        private NativeEnvironment nativeEnvironment;

        private synchronized NativeEnvironment nativeEnvironment() {
            if (nativeEnvironment == null) {
                nativeEnvironment = NativeEnvironment.ofThisProcess();
            }
            return nativeEnvironment;
        }

        @Override
        public String nativeEnv(String name) {
            return nativeEnvironment().get(name);
        }

        @Override
        public java.util.Map<String, String> setNativeEnv(java.util.Map<String, String> variables) {
            return variables.isEmpty() ? java.util.Map.of() : nativeEnvironment().setAll(variables);
        }

        /** The same name JavaCPP's Loader.getPlatform() computes, without loading JavaCPP. */
        @Override
        public String platform() {
            String explicit = System.getProperty("org.bytedeco.javacpp.platform");
            if (explicit != null && !explicit.isBlank()) {
                return explicit;
            }
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            String osName = os.startsWith("windows") ? "windows"
                    : os.startsWith("mac") ? "macosx"
                    : os.startsWith("linux") ? "linux" : os.replace(" ", "");
            String archName = switch (arch) {
                case "amd64", "x86_64", "x86-64" -> "x86_64";
                case "aarch64", "arm64" -> "arm64";
                case "i386", "i486", "i586", "i686", "x86" -> "x86";
                default -> arch;
            };
            return osName + "-" + archName;
        }
    }
}
