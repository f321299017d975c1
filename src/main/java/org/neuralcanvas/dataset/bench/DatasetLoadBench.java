package org.neuralcanvas.dataset.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.prep.PreparedDataset;
import org.neuralcanvas.dataset.prep.PreprocessingOptions;

/**
 * Prints how long it takes to go from the local cache to training-ready arrays: MNIST in
 * detail (checksum, read, ND4J arrays, one epoch of minibatches), then every dataset once.
 * A benchmark, not a test: timings depend on the machine.
 *
 * <pre>mvn -q -o exec:java -Dexec.mainClass=org.neuralcanvas.dataset.bench.DatasetLoadBench [-Dexec.args=ROUNDS]</pre>
 */
public final class DatasetLoadBench {

    private DatasetLoadBench() {
    }

    public static void main(String[] args) throws DatasetException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BundledDatasets datasets = BundledDatasets.standard();
        System.out.printf("cache: %s; %d cores; max heap %d MiB%n", datasets.cache().root(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        long t0 = System.nanoTime();
        Nd4j.create(1); // backend start-up, paid once per app launch, reported apart
        System.out.printf("ND4J backend start-up: %d ms (%s)%n", ms(t0), Nd4j.getBackend().getClass().getSimpleName());

        DatasetDescriptor mnist = datasets.catalog().get("mnist");
        List<Long> verify = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        List<Long> epochInOrder = new ArrayList<>();
        List<Long> epochShuffled = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long a = System.nanoTime();
            datasets.cache().verify(mnist);
            verify.add(ms(a));

            long b = System.nanoTime();
            PreparedDataset p = datasets.prepare("mnist", PreprocessingOptions.defaultsFor(mnist));
            total.add(ms(b));

            epochInOrder.add(epoch(p.train().iterator(128)));
            epochShuffled.add(epoch(p.trainIterator(128)));
        }
        System.out.printf("MNIST SHA-256 check of 4 files (55 MB):            median %4d ms  min %4d ms%n",
                median(verify), Collections.min(verify));
        System.out.printf("MNIST cache -> training-ready ND4J arrays (60k+10k, check, read, scale, one-hot):"
                + " first %4d ms  median %4d ms  min %4d ms%n", total.get(0), median(total), Collections.min(total));
        System.out.printf("MNIST one epoch, 469 batches of 128, in order (views):  median %4d ms%n", median(epochInOrder));
        System.out.printf("MNIST one epoch, 469 batches of 128, shuffled (copies): median %4d ms%n", median(epochShuffled));

        for (DatasetDescriptor d : datasets.catalog().all()) {
            long a = System.nanoTime();
            RawDataset raw = datasets.load(d.id());
            long loaded = ms(a);
            long b = System.nanoTime();
            PreparedDataset p = datasets.prepare(d.id(), PreprocessingOptions.defaultsFor(d));
            System.out.printf("%-22s load %5d ms, load+prepare %5d ms: train %d, test %d, input %s, output %d%n",
                    d.id(), loaded, ms(b), raw.train().count(), raw.test().count(),
                    java.util.Arrays.toString(p.inputShape()), p.outputWidth());
        }
    }

    private static long epoch(DataSetIterator it) {
        long a = System.nanoTime();
        double sink = 0;
        while (it.hasNext()) {
            DataSet batch = it.next();
            sink += batch.getFeatures().getDouble(0);
        }
        if (Double.isNaN(sink)) {
            System.out.println();
        }
        return ms(a);
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
