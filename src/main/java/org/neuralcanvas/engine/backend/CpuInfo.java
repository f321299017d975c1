package org.neuralcanvas.engine.backend;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the processor says about itself in {@code /proc/cpuinfo}: its model name, the
 * instruction-set flags of its first logical processor, and how many logical processors the
 * file lists. Parsing is a pure function so the build choice can be tested from strings.
 *
 * @param modelName   e.g. "AMD EPYC 9R14" or "unknown processor" when the file says nothing
 * @param flags       lower-case flags such as {@code avx2}, {@code avx512f}
 * @param logicalCpus logical processors listed, at least 1
 */
public record CpuInfo(String modelName, Set<String> flags, int logicalCpus) {

    /** The model name used when the file gives none. */
    public static final String UNKNOWN_MODEL = "unknown processor";

    public CpuInfo {
        modelName = modelName == null || modelName.isBlank() ? UNKNOWN_MODEL : modelName.trim();
        flags = Collections.unmodifiableSet(new LinkedHashSet<>(flags));
        logicalCpus = Math.max(1, logicalCpus);
    }

    /** A processor we know nothing about: the generic build is the only safe choice for it. */
    public static CpuInfo unknown() {
        return new CpuInfo(UNKNOWN_MODEL, Set.of(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Reads the text of {@code /proc/cpuinfo}. The flags come from the first {@code flags}
     * line (x86 lists the same set for every logical processor); the model name from the first
     * {@code model name} line.
     */
    public static CpuInfo parse(String procCpuinfo) {
        String model = null;
        Set<String> flags = null;
        int processors = 0;
        for (String line : procCpuinfo.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "processor" -> processors++;
                case "model name" -> {
                    if (model == null) {
                        model = value;
                    }
                }
                case "flags" -> {
                    if (flags == null) {
                        flags = parseFlags(value);
                    }
                }
                default -> { }
            }
        }
        return new CpuInfo(model, flags == null ? Set.of() : flags, processors);
    }

    /** Splits a space-separated flag list into lower-case flags. */
    public static Set<String> parseFlags(String flagList) {
        return Arrays.stream(flagList.trim().split("\\s+"))
                .filter(f -> !f.isEmpty())
                .map(f -> f.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The most capable build this processor can run. */
    public CpuBuild bestBuild() {
        return bestBuildFor(flags);
    }

    /** The most capable build a processor reporting these flags can run; generic at worst. */
    public static CpuBuild bestBuildFor(Set<String> cpuFlags) {
        for (CpuBuild b : CpuBuild.values()) {
            if (b.runsOn(cpuFlags)) {
                return b;
            }
        }
        return CpuBuild.GENERIC;
    }
}
