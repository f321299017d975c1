package org.neuralcanvas.dataset.own;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.TaskKind;
import org.neuralcanvas.dataset.prep.PreparedDataset;
import org.neuralcanvas.dataset.prep.PreprocessingOptions;
import org.neuralcanvas.dataset.prep.Preprocessor;

/** A CSV table of one's own becomes a dataset: header, numbers, a category, a missing value and bad rows. */
class CsvDatasetTest {

    /** Row numbers as a spreadsheet shows them: the header is row 1. */
    private static final String SHOP = """
            age,city,income,bought
            34,Paris,52000,yes
            28,Lyon,,no
            45,Paris,61000,yes
            51,Nice,58000,no
            oops,here
            39,Lyon,47000,yes
            23,Nice,31000,no
            abc,Paris,40000,yes
            60,Lyon,75000,no
            """;

    @TempDir
    Path dir;

    private static Locale before;

    @BeforeAll
    static void english() {
        before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    private OwnDataset load(String text, OwnDataSpec spec) throws Exception {
        Path file = spec.path();
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new OwnDatasets().load(spec);
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    @Test
    void aTableWithACategoryAMissingValueAndBadRowsGivesTheExpectedArraysAndSentences() throws Exception {
        OwnDataset shop = load(SHOP, OwnDataSpec.csv(file("shop.csv")));

        assertEquals(TaskKind.BINARY, shop.descriptor().task(), "yes/no is two classes");
        assertEquals(List.of("no", "yes"), shop.descriptor().classNames());
        assertEquals(List.of("age", "city", "income", "bought"), shop.columns());
        // age, then city as Lyon/Nice/Paris (one-hot), then income: five inputs; seven good rows split 5/2.
        assertArrayEquals(new int[] {5}, shop.descriptor().shape(FeatureLayout.FLAT));
        assertEquals(5, shop.descriptor().trainCount());
        assertEquals(2, shop.descriptor().testCount());
        assertArrayEquals(new int[] {1, 2, 3}, shop.raw().oneHotColumns(), "Lyon, Nice, Paris");

        assertEquals(List.of(
                "shop.csv: 7 rows (5 to train, 2 to test), 3 input columns as 5 inputs, target \"bought\" in 2 classes.",
                "2 rows were left out: row 6 has 2 values instead of 4; row 9 has \"abc\" in \"age\", which is not a number.",
                "1 value is missing and was filled in (a number with its column's mean over the training rows, a category "
                        + "with none): row 3 (\"income\")."), shop.notes());

        // Every good row is in one split or the other, as written; the missing income is the training rows' mean.
        Map<Integer, float[]> expected = Map.of(
                34, new float[] {34, 0, 0, 1, 52000}, 45, new float[] {45, 0, 0, 1, 61000},
                51, new float[] {51, 0, 1, 0, 58000}, 39, new float[] {39, 1, 0, 0, 47000},
                23, new float[] {23, 0, 1, 0, 31000}, 60, new float[] {60, 1, 0, 0, 75000});
        Map<Integer, Integer> bought = Map.of(34, 1, 28, 0, 45, 1, 51, 0, 39, 1, 23, 0, 60, 0);
        DenseSplit train = (DenseSplit) shop.raw().train();
        DenseSplit test = (DenseSplit) shop.raw().test();
        double incomeSum = 0;
        int incomes = 0;
        for (int i = 0; i < train.count(); i++) {
            int age = (int) train.example(i)[0];
            if (age != 28) {
                incomeSum += train.example(i)[4];
                incomes++;
            }
        }
        int seen = 0;
        for (DenseSplit split : List.of(train, test)) {
            for (int i = 0; i < split.count(); i++) {
                float[] row = split.example(i);
                int age = (int) row[0];
                assertEquals(bought.get(age), split.labels()[i], "the label of the row of age " + age);
                if (age == 28) {
                    assertArrayEquals(new float[] {28, 1, 0, 0, (float) (incomeSum / incomes)}, row, 0.01f);
                } else {
                    assertArrayEquals(expected.get(age), row, "the row of age " + age);
                }
                seen++;
            }
        }
        assertEquals(7, seen);
    }

    @Test
    void numbersAreStandardisedWithTheTrainingSplitAndCategoriesStayZeroOrOne() throws Exception {
        OwnDataset shop = load(SHOP, OwnDataSpec.csv(file("shop.csv")));
        PreparedDataset p = new Preprocessor().prepare(shop.raw(),
                PreprocessingOptions.defaultsFor(shop.descriptor()));
        assertTrue(p.options().standardise(), "a table of one's own is standardised, as the bundled tables are");
        float[] mean = p.standardisation().orElseThrow().mean();
        float[] std = p.standardisation().orElseThrow().std();
        for (int c : new int[] {1, 2, 3}) {
            assertEquals(0f, mean[c]);
            assertEquals(1f, std[c]);
        }
        var x = p.train().toDataSet().getFeatures();
        assertEquals(0, x.getColumn(0).meanNumber().doubleValue(), 1e-5, "age has mean 0 over the training rows");
        assertEquals(1, x.getColumn(4).stdNumber().doubleValue() * Math.sqrt(4.0 / 5), 1e-5,
                "income has deviation 1 over them (population deviation)");
        for (int c = 1; c <= 3; c++) {
            for (int i = 0; i < x.rows(); i++) {
                float v = x.getFloat(i, c);
                assertTrue(v == 0f || v == 1f, "one-hot stays 0/1: " + v);
            }
        }
    }

    @Test
    void aNumericTargetWithManyValuesIsARegressionUnlessTheUserSaysOtherwise() throws Exception {
        StringBuilder t = new StringBuilder("x,colour,y\n");
        for (int i = 0; i < 40; i++) {
            t.append(i).append(',').append(i % 3 == 0 ? "red" : "blue").append(',').append(2 * i + 1).append('\n');
        }
        OwnDataSpec spec = OwnDataSpec.csv(file("line.csv"));
        OwnDataset line = load(t.toString(), spec);
        assertEquals(TaskKind.REGRESSION, line.descriptor().task(), "40 different numbers: a regression");
        assertNull(((DenseSplit) line.raw().train()).labels());

        OwnDataset asClasses = new OwnDatasets().load(line.spec().withTarget("colour", OwnDataSpec.Task.AUTO));
        assertEquals(List.of("blue", "red"), asClasses.descriptor().classNames(), "a text target: classes");
        assertArrayEquals(new int[] {2}, asClasses.descriptor().shape(FeatureLayout.FLAT), "x and y are the inputs");

        DatasetException refused = assertThrows(DatasetException.class, () -> new OwnDatasets().load(
                line.spec().withTarget("colour", OwnDataSpec.Task.REGRESSION)));
        assertEquals("The target \"colour\" holds texts (blue, red), which cannot be predicted as a number; choose "
                + "classification.", refused.getMessage());
        DatasetException noColumn = assertThrows(DatasetException.class, () -> new OwnDatasets().load(
                line.spec().withTarget("price", OwnDataSpec.Task.AUTO)));
        assertEquals("The target column \"price\" is not in line.csv; its columns are x, colour, y.",
                noColumn.getMessage());
    }

    @Test
    void choosingAnotherTargetDoesNotReadTheFileAgain() throws Exception {
        OwnDatasets own = new OwnDatasets();
        Path f = file("shop.csv");
        Files.writeString(f, SHOP);
        OwnDataset first = own.load(OwnDataSpec.csv(f));
        Files.delete(f); // were it read again, this would fail
        OwnDataset other = own.load(first.spec().withTarget("city", OwnDataSpec.Task.AUTO));
        assertEquals(List.of("Lyon", "Nice", "Paris"), other.descriptor().classNames());
    }

    @Test
    void aFileThatIsNoTableIsOneSentence() throws Exception {
        assertEquals("open.csv has a quote opened in row 3 that is never closed, so where its cells end cannot be told. "
                + "Close the quote (\"...\") and add the file again.", refused("open.csv", "a,b\n1,2\n\"3,4\n"));
        assertEquals("tiny.csv has 2 usable rows; a dataset needs at least 5 to train on some and test on the rest.",
                refused("tiny.csv", "a,b\n1,2\n3,4\n"));
        assertEquals("one.csv has only one column: a table needs at least one input column and a target column, "
                + "separated by commas.", refused("one.csv", "a\n1\n2\n"));
        Path latin = file("latin.csv");
        Files.write(latin, new byte[] {'a', ',', 'b', '\n', (byte) 0xE9, ',', '1', '\n'});
        DatasetException e = assertThrows(DatasetException.class, () -> new OwnDatasets().load(OwnDataSpec.csv(latin)));
        assertTrue(e.getMessage().startsWith("latin.csv is not UTF-8 text."), e.getMessage());
    }

    private String refused(String name, String text) {
        return assertThrows(DatasetException.class, () -> load(text, OwnDataSpec.csv(file(name)))).getMessage();
    }

    @Test
    void aChangedOrMissingFileIsRefusedWithItsPath() throws Exception {
        Path f = file("shop.csv");
        OwnDataset shop = load(SHOP, OwnDataSpec.csv(f));
        assertEquals(64, shop.spec().sha256().length(), "the SHA-256 the project keeps");

        Files.writeString(f, SHOP + "70,Nice,80000,yes\n");
        DatasetException changed = assertThrows(DatasetException.class, () -> new OwnDatasets().load(shop.spec()));
        assertTrue(changed.getMessage().startsWith(f + " has changed since it was added to this project"),
                changed.getMessage());

        Files.delete(f);
        DatasetException missing = assertThrows(DatasetException.class, () -> new OwnDatasets().load(shop.spec()));
        assertEquals(f + " no longer exists. Put it back where it was, or choose the dataset again with \"Add your own "
                + "data…\".", missing.getMessage());
    }
}
