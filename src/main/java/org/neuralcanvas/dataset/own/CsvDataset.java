package org.neuralcanvas.dataset.own;

import static org.neuralcanvas.dataset.own.OwnDataSentences.SAY;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.TaskKind;
import org.neuralcanvas.dataset.source.Holdout;

/**
 * A {@link CsvTable} made into a dataset for one target column. Every other column becomes inputs: a column of
 * numbers (more than {@link #NUMERIC_SHARE} of its filled cells are numbers) as one input, which the Train panel's
 * "standardise" scales with the training split's statistics; a column of texts as one 0/1 input per category
 * (one-hot, at most {@link #MAX_CATEGORIES}). The task follows the target: numbers with more than
 * {@link #MAX_CLASSES_AUTO} different values are a regression, anything else a classification (two classes:
 * binary), unless the user says otherwise. Rows are split 80/20 with seed 113, as the bundled tables are.
 *
 * <p>Nothing in a file stops it: a row of the wrong length or with a text among a column's numbers is left out and
 * named; a missing number takes its column's training mean, a missing category none, a missing target leaves its
 * row out; each is said in one sentence with the row numbers.
 */
public final class CsvDataset {

    /** A column is numeric when more than this share of its filled cells are numbers (the rest are bad rows). */
    static final double NUMERIC_SHARE = 0.5;
    /** A text column with more categories than this is left out (names, ids): one input each would be noise. */
    public static final int MAX_CATEGORIES = 50;
    /** A numeric target with at most this many different values is taken for class labels. */
    public static final int MAX_CLASSES_AUTO = 20;
    /** A classification target with more classes than this is refused. */
    public static final int MAX_CLASSES = 200;
    /** Fewer rows cannot be split into a training and a test part worth the names. */
    public static final int MIN_ROWS = 5;
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "?", "null", "none");

    private CsvDataset() {
    }

    public static OwnDataset make(CsvTable table, OwnDataSpec spec) throws DatasetException {
        return make(table, spec, null);
    }

    /**
     * With a held-out table ({@code validation_data}): its rows are the split that validates and tests, the first
     * table's rows all train. Its header must be the first table's; its rows are checked and named the same way.
     */
    public static OwnDataset make(CsvTable first, OwnDataSpec spec, CsvTable heldOut) throws DatasetException {
        CsvTable table = first;
        int firstRows = first.rows().size();
        if (heldOut != null) {
            if (!heldOut.columns().equals(first.columns())) {
                throw OwnDataSentences.invalid("own.csv.heldOutColumns", spec.heldOut() == null ? "" : spec.heldOut().name(),
                        String.join(", ", heldOut.columns()), spec.name(), String.join(", ", first.columns()));
            }
            table = CsvTable.joined(first, heldOut);
        }
        String file = spec.name();
        List<String> columns = table.columns();
        int width = columns.size();
        int target = spec.target().isEmpty() ? width - 1 : columns.indexOf(spec.target());
        if (target < 0) {
            throw OwnDataSentences.invalid("own.csv.noSuchTarget", spec.target(), file, String.join(", ", columns));
        }
        List<String> bad = new ArrayList<>();
        // Rows with the header's number of cells; the others are named and left out.
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Boolean> held = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            if (row.length != width) {
                bad.add(SAY.say("own.csv.bad.length", table.rowNumbers()[r], row.length, width));
            } else {
                rows.add(row);
                numbers.add(table.rowNumbers()[r]);
                held.add(r >= firstRows);
            }
        }
        boolean[] numeric = new boolean[width];
        for (int c = 0; c < width; c++) {
            int filled = 0;
            int parsed = 0;
            for (String[] row : rows) {
                if (!missing(row[c])) {
                    filled++;
                    parsed += number(row[c]) != null ? 1 : 0;
                }
            }
            numeric[c] = filled > 0 && parsed > NUMERIC_SHARE * filled;
        }
        // A text among a numeric column's numbers: the row is left out and named.
        List<String[]> good = new ArrayList<>();
        List<Integer> goodNumbers = new ArrayList<>();
        List<Boolean> goodHeld = new ArrayList<>();
        List<Integer> noTarget = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String why = null;
            for (int c = 0; c < width && why == null; c++) {
                if (numeric[c] && !missing(row[c]) && number(row[c]) == null) {
                    why = SAY.say("own.csv.bad.number", numbers.get(i), row[c].trim(), columns.get(c));
                }
            }
            if (why != null) {
                bad.add(why);
            } else if (missing(row[target])) {
                noTarget.add(numbers.get(i));
            } else {
                good.add(row);
                goodNumbers.add(numbers.get(i));
                goodHeld.add(held.get(i));
            }
        }
        int n = good.size();
        if (n < MIN_ROWS) {
            throw OwnDataSentences.invalid("own.csv.tooFewRows", file, n, MIN_ROWS);
        }

        // The task, and the target as numbers or classes.
        Map<String, Integer> targetClasses = null;
        Set<String> distinct = new HashSet<>();
        for (String[] row : good) {
            distinct.add(row[target].trim());
        }
        OwnDataSpec.Task task = spec.task();
        if (task == OwnDataSpec.Task.AUTO) {
            task = numeric[target] && distinct.size() > MAX_CLASSES_AUTO ? OwnDataSpec.Task.REGRESSION
                    : OwnDataSpec.Task.CLASSIFICATION;
        }
        if (task == OwnDataSpec.Task.REGRESSION && !numeric[target]) {
            throw OwnDataSentences.invalid("own.csv.textTarget", columns.get(target), examples(distinct));
        }
        if (task == OwnDataSpec.Task.CLASSIFICATION) {
            if (distinct.size() < 2) {
                throw OwnDataSentences.invalid("own.csv.oneClass", columns.get(target), examples(distinct));
            }
            if (distinct.size() > MAX_CLASSES) {
                throw OwnDataSentences.invalid("own.csv.tooManyClasses", columns.get(target), distinct.size(),
                        MAX_CLASSES);
            }
            targetClasses = categories(distinct, numeric[target]);
        }

        // Inputs: a number per numeric column, a 0/1 per category of a text column, in the file's column order.
        List<String> notes = new ArrayList<>();
        List<Integer> inputColumns = new ArrayList<>();
        List<Map<String, Integer>> categoriesOf = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int inputs = 0;
        List<Integer> oneHot = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (c == target) {
                continue;
            }
            if (numeric[c]) {
                inputColumns.add(c);
                categoriesOf.add(null);
                inputs++;
                continue;
            }
            Set<String> values = new HashSet<>();
            for (String[] row : good) {
                if (!missing(row[c])) {
                    values.add(row[c].trim());
                }
            }
            if (values.isEmpty()) {
                dropped.add(SAY.say("own.csv.dropped.empty", columns.get(c)));
            } else if (values.size() > MAX_CATEGORIES) {
                dropped.add(SAY.say("own.csv.dropped.categories", columns.get(c), values.size(), MAX_CATEGORIES));
            } else {
                Map<String, Integer> cats = categories(values, false);
                inputColumns.add(c);
                categoriesOf.add(cats);
                for (int k = 0; k < cats.size(); k++) {
                    oneHot.add(inputs + k);
                }
                inputs += cats.size();
            }
        }
        if (inputs == 0) {
            throw OwnDataSentences.invalid("own.csv.noInputs", file, columns.get(target));
        }

        int[] order;
        int nTrain;
        if (heldOut == null) {
            order = Holdout.permutation(n, Holdout.SEED);
            nTrain = Holdout.trainCount(n);
        } else {
            // The first table's rows train (in their order; each epoch shuffles them), the held-out ones validate.
            order = java.util.stream.IntStream.concat(
                    java.util.stream.IntStream.range(0, n).filter(i -> !goodHeld.get(i)),
                    java.util.stream.IntStream.range(0, n).filter(goodHeld::get)).toArray();
            nTrain = (int) goodHeld.stream().filter(b -> !b).count();
            if (nTrain < 1 || nTrain == n) {
                throw OwnDataSentences.invalid("own.csv.heldOutEmpty", nTrain < 1 ? file : spec.heldOut().name());
            }
        }
        // A missing number takes its column's mean over the training rows, so the test rows tell the filling nothing.
        double[] trainMean = new double[width];
        for (int c = 0; c < width; c++) {
            if (!numeric[c]) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int i = 0; i < nTrain; i++) {
                Double v = number(good.get(order[i])[c]);
                if (v != null) {
                    sum += v;
                    count++;
                }
            }
            trainMean[c] = count == 0 ? 0 : sum / count;
        }
        List<String> missingCells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] row = good.get(i);
            for (int c : inputColumns) {
                if (missing(row[c])) {
                    missingCells.add(SAY.say("own.csv.missing.cell", goodNumbers.get(i), columns.get(c)));
                }
            }
        }

        TaskKind kind = task == OwnDataSpec.Task.REGRESSION ? TaskKind.REGRESSION
                : targetClasses.size() == 2 ? TaskKind.BINARY : TaskKind.MULTICLASS;
        List<String> classNames = targetClasses == null ? List.of() : List.copyOf(targetClasses.keySet());
        int[] shape = {inputs};
        notes.add(SAY.say(kind == TaskKind.REGRESSION ? "own.csv.summary.regression" : "own.csv.summary.classes",
                file, n, nTrain, n - nTrain, inputColumns.size(), inputs, columns.get(target), classNames.size()));
        if (!bad.isEmpty()) {
            notes.add(SAY.say("own.csv.badRows", bad.size(), OwnDataSentences.list(bad)));
        }
        if (!noTarget.isEmpty()) {
            notes.add(SAY.say("own.csv.noTargetRows", noTarget.size(), columns.get(target),
                    OwnDataSentences.list(noTarget.stream().map(String::valueOf).toList())));
        }
        if (!missingCells.isEmpty()) {
            notes.add(SAY.say("own.csv.missing", missingCells.size(), OwnDataSentences.list(missingCells)));
        }
        if (!dropped.isEmpty()) {
            notes.add(SAY.say("own.csv.dropped", OwnDataSentences.list(dropped)));
        }
        DatasetDescriptor d = new DatasetDescriptor("own:" + file, kind, classNames, nTrain, n - nTrain,
                Map.of(FeatureLayout.FLAT, shape), 0f, SAY.say("own.source", spec.path().toString()),
                SAY.say("own.licence"), false, file, String.join(" ", notes));
        DenseSplit train = split(good, order, 0, nTrain, target, inputColumns, categoriesOf, trainMean, targetClasses,
                shape);
        DenseSplit test = split(good, order, nTrain, n, target, inputColumns, categoriesOf, trainMean, targetClasses,
                shape);
        RawDataset raw = new RawDataset(d, train, test, List.of(), oneHot.stream().mapToInt(Integer::intValue).toArray());
        OwnDataSpec made = spec.withSha256(first.sha256());
        if (heldOut != null && spec.heldOut() != null) {
            made = made.withHeldOut(new OwnDataSpec.HeldOut(spec.heldOut().path(), heldOut.sha256()));
        }
        return new OwnDataset(made, raw, notes, columns);
    }

    private static DenseSplit split(List<String[]> rows, int[] order, int from, int to, int target,
                                    List<Integer> inputColumns, List<Map<String, Integer>> categoriesOf,
                                    double[] mean, Map<String, Integer> classes, int[] shape) {
        int n = to - from;
        int width = shape[0];
        float[] x = new float[n * width];
        int[] labels = classes != null ? new int[n] : null;
        float[] targets = classes != null ? null : new float[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(order[from + i]);
            int at = i * width;
            for (int k = 0; k < inputColumns.size(); k++) {
                int c = inputColumns.get(k);
                Map<String, Integer> cats = categoriesOf.get(k);
                if (cats == null) {
                    Double v = number(row[c]);
                    x[at++] = (float) (v == null ? mean[c] : v);
                } else {
                    Integer hot = missing(row[c]) ? null : cats.get(row[c].trim());
                    if (hot != null) {
                        x[at + hot] = 1f;
                    }
                    at += cats.size();
                }
            }
            if (classes != null) {
                labels[i] = classes.get(row[target].trim());
            } else {
                targets[i] = number(row[target]).floatValue();
            }
        }
        return new DenseSplit(x, shape, labels, targets);
    }

    /** Categories in a stable order: numbers by value, texts alphabetically. */
    private static Map<String, Integer> categories(Set<String> values, boolean numeric) {
        List<String> sorted = new ArrayList<>(values);
        if (numeric) {
            sorted.sort((a, b) -> Double.compare(number(a), number(b)));
        } else {
            sorted = new ArrayList<>(new TreeSet<>(values));
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String s : sorted) {
            m.put(s, m.size());
        }
        return m;
    }

    private static String examples(Set<String> values) {
        List<String> some = new ArrayList<>(new TreeSet<>(values));
        return String.join(", ", some.subList(0, Math.min(3, some.size()))) + (some.size() > 3 ? ", …" : "");
    }

    static boolean missing(String cell) {
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    /** The cell as a finite number, or null. */
    static Double number(String cell) {
        String s = cell.trim();
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || "+-.".indexOf(s.charAt(0)) >= 0)) {
            return null; // "Infinity", "NaN", hex: not numbers a table means
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
