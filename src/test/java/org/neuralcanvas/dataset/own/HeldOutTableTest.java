package org.neuralcanvas.dataset.own;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;

/**
 * validation_data from a file: a second table with the same columns validates (and tests) instead of a part of the
 * first, whose rows all train; its missing numbers take the training rows' mean, its checksum is kept and checked.
 */
class HeldOutTableTest {

    @TempDir
    Path dir;

    private static String rows(int from, int to) {
        StringBuilder sb = new StringBuilder("size,price\n");
        for (int i = from; i <= to; i++) {
            sb.append(i).append(',').append(3 * i).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theHeldOutRowsAreTheValidationSplitAndAllTheFirstTablesRowsTrain() throws Exception {
        Path train = dir.resolve("train.csv");
        Path held = dir.resolve("held.csv");
        Files.writeString(train, rows(1, 30));
        // Row 3 of the held-out file misses its size: it takes the mean of the 30 training sizes, 15.5.
        Files.writeString(held, "size,price\n40,120\n,60\n50,150\n");
        OwnDataSpec spec = OwnDataSpec.csv(train).withTarget("price", OwnDataSpec.Task.REGRESSION)
                .withHeldOut(new OwnDataSpec.HeldOut(held, ""));
        OwnDataset d = new OwnDatasets().load(spec);
        DenseSplit t = (DenseSplit) d.raw().train();
        DenseSplit v = (DenseSplit) d.raw().test();
        assertEquals(30, t.count(), "every row of the first table trains");
        assertEquals(3, v.count(), "the held-out rows validate");
        assertEquals(40f, v.example(0)[0]);
        assertEquals(15.5f, v.example(1)[0], 1e-6f);
        assertEquals(64, d.spec().heldOut().sha256().length(), "the held-out table's checksum is kept");

        Files.writeString(held, "size,price\n40,120\n");
        DatasetException changed = assertThrows(DatasetException.class, () -> new OwnDatasets().load(d.spec()));
        assertTrue(changed.getMessage().startsWith(held + " has changed since it was added"), changed.getMessage());
    }

    @Test
    void aHeldOutTableWithOtherColumnsIsASentence() throws Exception {
        Path train = dir.resolve("a.csv");
        Path held = dir.resolve("b.csv");
        Files.writeString(train, rows(1, 10));
        Files.writeString(held, "price,size\n3,1\n", StandardCharsets.UTF_8);
        DatasetException e = assertThrows(DatasetException.class, () -> new OwnDatasets().load(OwnDataSpec.csv(train)
                .withHeldOut(new OwnDataSpec.HeldOut(held, ""))));
        assertEquals("The held-out table b.csv has the columns price, size; it needs the columns of a.csv (size, price), "
                + "in the same order.", e.getMessage());
    }
}
