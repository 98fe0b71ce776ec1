package rnnbook.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ch02.CellByHand;
import rnnbook.chapters.ch02.HiddenState;

/** One run of a program's main splits what it prints by the tagged region that was running. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegionOutputTest {

    @Test
    void eachRegionGetsExactlyWhatItPrinted(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(CellByHand.class, dir);
        String byHand = run.output(CellByHand.class, "by-hand");
        String engine = run.output(CellByHand.class, "engine");
        assertEquals(2, byHand.lines().count(), byHand);
        assertTrue(byHand.startsWith("unit 0: input"), byHand);
        assertTrue(engine.startsWith("engine: h = "), engine);
        assertFalse(byHand.contains("engine"), "the next region's lines stay out: " + byHand);
        assertEquals(run.stdout(), byHand + engine, "together they are everything the program printed");
        assertFalse(Files.exists(dir.resolve(RegionOutput.fileName(CellByHand.class, "weights"))),
                "a region that prints nothing has no output");
    }

    @Test
    void koreanTextKeepsItsCharactersAndAnEarlierRunsOutputIsReplaced(@TempDir Path dir) throws Exception {
        Path stale = dir.resolve(RegionOutput.fileName(HiddenState.class, "heatmap"));
        Files.writeString(stale, "from a region that no longer prints\n");
        ProgramRun run = ProgramRun.of(HiddenState.class, dir);
        assertTrue(run.output(HiddenState.class, "trace").contains("'잘'"));
        assertTrue(run.output(HiddenState.class, "first-character").startsWith("distance after the first step"));
        assertFalse(Files.exists(stale), "an output file of an earlier run is removed before the program runs");
    }

    /** A page drops spaces at the ends of lines (Asciidoctor does), so the record of what was printed does too. */
    @Test
    void spacesAtTheEndsOfLinesAreNotKept() throws Exception {
        RegionOutput printed = new RegionOutput(CellByHand.class, java.io.OutputStream.nullOutputStream());
        printed.write("a sampled line ends in a space \nthen a tab\t\n  indented stays\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(java.util.List.of("a sampled line ends in a space\nthen a tab\n  indented stays\n"),
                java.util.List.copyOf(printed.texts().values()));
    }

    @Test
    void aRunRecordReadsBackAndRejectsNonsense(@TempDir Path dir) throws Exception {
        RunRecord r = new RunRecord("FULL", 12.34);
        Files.writeString(dir.resolve(RunRecord.fileName(CellByHand.class)), r.toText());
        RunRecord back = RunRecord.read(dir, CellByHand.class).orElseThrow();
        assertEquals("full", back.scale());
        assertEquals(12.3, back.seconds(), 1e-9);
        assertTrue(RunRecord.read(dir, HiddenState.class).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RunRecord("big", 1));
    }
}
