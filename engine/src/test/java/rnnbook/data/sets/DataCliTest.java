package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./book data}: the listing and fetching, on a cache of samples. */
@Timeout(60)
class DataCliTest {
    @TempDir
    Path tmp;

    private String run(DataSets sets, String... args) {
        var bytes = new ByteArrayOutputStream();
        DataCli.run(sets, args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsVersionSizeLicenceAndWhetherCached() throws IOException {
        Path archive = Samples.archive("co2", tmp.resolve("a"));
        DataSet co2 = Samples.pinned("co2", Samples.hash(archive, Registry.NPM));
        DataSets sets = Samples.cache(tmp.resolve("cache"), co2, archive);
        String before = run(sets);
        List<String> row = List.of(before.lines().filter(l -> l.startsWith("co2 ")).findFirst().orElseThrow()
                .split("\\s+"));
        assertEquals(List.of("co2", "3.2.1", "npm", "17.6", "MB", "19", "kB", "no", "CC-BY-4.0"), row.subList(0, 9));
        String fetched = run(sets, "fetch", "all");
        assertTrue(fetched.contains("co2                    verified (sha512-"), fetched);
        assertTrue(run(sets, "list").lines().anyMatch(l -> l.startsWith("co2 ") && l.contains(" yes ")));
        assertTrue(run(sets, "fetch", "co2").contains("already cached"));
        assertEquals(tmp.resolve("cache/co2-3.2.1").toString(), run(sets, "path", "co2").strip());
    }

    @Test
    void badCommandsSayWhatIsExpected() {
        DataSets sets = new DataSets(Manifest.book(), tmp, r -> null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(sets, "fetch")).getMessage()
                .startsWith("usage: ./book data fetch NAME|all"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(sets, "get", "co2")).getMessage()
                .startsWith("unknown data command 'get'"));
        assertTrue(assertThrows(MissingDataSetException.class, () -> run(sets, "path", "brown")).getMessage()
                .endsWith("./book data fetch brown"));
    }
}
