package org.neuralcanvas.engine.keras;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How long importing each test file takes, architecture only and with DL4J's weights (first
 * run includes ND4J's start-up).
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.neuralcanvas.engine.keras.KerasImportBench}
 */
public final class KerasImportBench {

    private KerasImportBench() {
    }

    public static void main(String[] args) throws Exception {
        KerasImporter importer = new KerasImporter();
        System.out.println("file                              arch ms  weights ms  weights");
        for (String name : List.of("keras2_sequential_mlp.h5", "keras2_functional_mnist_cnn.h5",
                "keras2_functional_residual.h5", "keras2_sequential_lstm.h5", "keras1_sequential_mlp.h5",
                "keras2_sequential_gru.h5")) {
            Path file = KerasImporterTest.resource(name);
            long t0 = System.nanoTime();
            importer.importFile(file, KerasImportOptions.architectureOnly(), ImportProgress.NONE, () -> false);
            long t1 = System.nanoTime();
            KerasImportResult r = importer.importFile(file, KerasImportOptions.defaults(), ImportProgress.NONE, () -> false);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "%-33s %8.1f %11.1f  %s%n", name, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    r.weightsLoaded() ? r.weightCount() : "no");
        }
        System.exit(0); // end even where ND4J or an abandoned DL4J build left threads running
    }
}
