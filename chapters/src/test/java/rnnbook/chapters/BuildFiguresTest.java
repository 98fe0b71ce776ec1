package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFiguresTest {

    @Test
    void aSecondBuildRunsOnlyWhatIsMissing(@TempDir Path out) throws Exception {
        List<String> chapter = List.of("01-sequences");
        assertEquals(3, BuildFigures.build(out, chapter), "first build runs every program of the chapter");
        assertTrue(Files.exists(out.resolve("io-configs.adoc")));
        assertTrue(Files.exists(out.resolve("ffn-limits-params.svg")));
        assertEquals(0, BuildFigures.build(out, chapter), "nothing changed: everything cached");
        Files.delete(out.resolve("io-configs.adoc"));
        assertEquals(1, BuildFigures.build(out, chapter), "a missing output reruns its program only");
        assertTrue(Files.exists(out.resolve("io-configs.adoc")));
        // a different key (here: another scale) invalidates the cache
        Path stamp = out.resolve(".cache").resolve("rnnbook.chapters.ch01.IoConfigs.key");
        Files.writeString(stamp, "FULL " + BuildFigures.codeHash() + "\nio-configs.adoc\n");
        assertEquals(1, BuildFigures.build(out, chapter), "a stamp with another key reruns");
    }

    @Test
    void anUnknownChapterIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuildFigures.main(new String[] {"target/never", "99-nothing"}));
        assertTrue(e.getMessage().contains("99-nothing") && e.getMessage().contains("01-sequences"), e.getMessage());
    }

    @Test
    void theCodeHashIsStable() {
        assertEquals(BuildFigures.codeHash(), BuildFigures.codeHash());
        assertEquals(64, BuildFigures.codeHash().length());
    }
}
