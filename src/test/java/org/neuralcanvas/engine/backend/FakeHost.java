package org.neuralcanvas.engine.backend;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A machine made of strings: CPU flags, properties, class-path resources, environment. */
final class FakeHost implements BackendHost {

    CpuInfo cpu;
    final Map<String, String> properties = new HashMap<>();
    final Set<String> resources = new HashSet<>();
    final Map<String, String> env = new LinkedHashMap<>();
    boolean nvidiaDriver;
    java.util.List<NvidiaGpu> gpus = java.util.List.of();
    String platform = "linux-x86_64";

    FakeHost(String flags) {
        cpu = new CpuInfo("Test CPU", CpuInfo.parseFlags(flags), 4);
    }

    /** A machine of another platform (JavaCPP's name, e.g. windows-x86_64) with the processor the OS describes. */
    FakeHost(String platform, CpuInfo cpu) {
        this.platform = platform;
        this.cpu = cpu;
    }

    /** Puts nd4j-native (the backend class and the given builds' libraries) on the class path. */
    FakeHost withCpuBackend(CpuBuild... builds) {
        resources.add(Backends.CPU_BACKEND_CLASS);
        for (CpuBuild b : builds) {
            String dir = Backends.CPU_BINDINGS + platform() + b.extension() + "/";
            // The names the real jars of 1.0.0-M2.1 use (jar tf nd4j-native-1.0.0-M2.1-<platform>.jar).
            if (platform.startsWith("windows")) {
                resources.add(dir + "jnind4jcpu.dll");
                resources.add(dir + "libnd4jcpu.dll");
            } else {
                String suffix = platform.startsWith("macosx") ? ".dylib" : ".so";
                resources.add(dir + "libjnind4jcpu" + suffix);
                resources.add(dir + "libnd4jcpu" + suffix);
            }
        }
        return this;
    }

    FakeHost withCudaBackend() {
        resources.add(Backends.CUDA_BACKEND_CLASS);
        return this;
    }

    @Override
    public CpuInfo cpuInfo() {
        return cpu;
    }

    @Override
    public String property(String key) {
        return properties.get(key);
    }

    @Override
    public void setProperty(String key, String value) {
        properties.put(key, value);
    }

    @Override
    public boolean hasResource(String path) {
        return resources.contains(path);
    }

    @Override
    public java.util.List<NvidiaGpu> nvidiaGpus() {
        return gpus;
    }

    @Override
    public boolean nvidiaDriverLoaded() {
        return nvidiaDriver;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public String nativeEnv(String name) {
        return env.get(name);
    }

    @Override
    public Map<String, String> setNativeEnv(Map<String, String> variables) {
        env.putAll(variables);
        return variables;
    }
}
