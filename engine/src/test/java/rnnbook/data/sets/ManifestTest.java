package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The committed manifest: every set pinned in its registry's notation, with a shipped test sample. */
@Timeout(30)
class ManifestTest {

    @Test
    void everySetIsPinnedByItsRegistrysHashAndHasASample() {
        List<DataSet> all = Manifest.book().all();
        assertEquals(12, all.size());
        assertEquals(all.size(), new HashSet<>(all.stream().map(DataSet::name).toList()).size());
        for (DataSet s : all) {
            Integrity i = Integrity.parse(s.integrity());
            String algorithm = switch (s.registry()) {
                case NPM -> "SHA-512";
                case MAVEN -> "SHA-1";
                case APT -> "SHA-256";   // the SHA256 field of Debian's package index
            };
            assertEquals(algorithm, i.algorithm(), s.name());
            assertEquals(Map.of("SHA-512", 64, "SHA-1", 20, "SHA-256", 32).get(algorithm), i.digest().length, s.name());
            assertTrue(s.version().matches(s.registry() == Registry.APT ? "\\d+\\.\\d+\\.\\d+-\\d+"
                    : "\\d+\\.\\d+\\.\\d+"), s.name() + " pins an exact version");
            assertTrue(s.downloadBytes() > 0 && s.usedBytes() > 0 && !s.licence().isBlank(), s.name());
            Samples.dir(s.name()); // every set has a sample the tests use
        }
    }

    @Test
    void malformedEntriesAreRejectedWithTheirName() {
        String entry = "{\"sets\":[{\"name\":\"x\",\"title\":\"t\",\"registry\":\"pypi\",\"package\":\"p\","
                + "\"version\":\"1\",\"integrity\":\"sha512-AAAA\",\"licence\":\"l\",\"licenceNote\":\"n\","
                + "\"source\":\"s\","
                + "\"files\":[\"a\"],\"downloadBytes\":1,\"usedBytes\":1}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.parse(new StringReader(entry), "m.json"));
        assertEquals("unknown registry 'pypi' (known: npm, maven, apt)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Manifest.parse(new StringReader(entry.replace("\"title\":\"t\",", "")), "m.json"));
        assertEquals("m.json: set x has no \"title\"", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Integrity.parse("md5:abc"));
        assertTrue(e.getMessage().contains("none of sha512-BASE64 (npm), sha1:HEX or sha256:HEX"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Integrity.parse("sha1:abc"));
    }
}
