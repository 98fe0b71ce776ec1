package rnnbook.chapters.ch01;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;

class Chapter01Test {

    @Test
    void orderMattersShufflingTheStepsDestroysAccuracy(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(SequentialData.class, dir);
        run.assertFigure("seq-data-series");
        run.assertFigure("seq-data-shuffled");
        assertTrue(run.output(SequentialData.class, "text").contains("U+D55C"),
                "the Korean sentence is printed code point by code point under its listing");
        double ordered = run.cell("seq-data-shuffle-accuracy", "trained and tested in order", 1);
        double shuffledTest = run.cell("seq-data-shuffle-accuracy", "trained in order, tested shuffled", 1);
        double shuffledBoth = run.cell("seq-data-shuffle-accuracy", "trained and tested shuffled", 1);
        assertTrue(ordered > 0.9, "an RNN learns rising/falling in order: " + ordered);
        assertTrue(shuffledTest < 0.7, "shuffled steps leave it near chance: " + shuffledTest);
        assertTrue(shuffledBoth < 0.7, "nothing to learn once order is gone: " + shuffledBoth);
    }

    @Test
    void denseParametersGrowWithLengthRecurrentOnesDoNot(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(DenseVsRnn.class, dir);
        run.assertFigure("ffn-limits-params");
        // by hand: dense (L*30 inputs -> 64) has L*30*64 + 64; the cell 30*64 + 64*64 + 2*64 = 6144
        assertEquals(10 * 30 * 64 + 64, run.cell("ffn-limits-counts", "10", 1));
        assertEquals(500 * 30 * 64 + 64, run.cell("ffn-limits-counts", "500", 1));
        assertEquals(6144, run.cell("ffn-limits-counts", "10", 2));
        assertEquals(6144, run.cell("ffn-limits-counts", "500", 2));
        assertTrue(run.output(DenseVsRnn.class, "fixed-length").contains("(1, 330)"), "the dense layer refuses 11 steps: " + run.stdout());
    }

    @Test
    void eachConfigurationHasItsShape(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(IoConfigs.class, dir);
        List<List<String>> rows = run.table("io-configs");
        assertEquals(6, rows.size());
        assertEquals(List.of("one to one", "1 x (2, 3)"), List.of(rows.get(1).get(0), rows.get(1).get(3)));
        assertEquals("5 x (2, 3)", rows.get(2).get(3));
        assertEquals("1 x (2, 3)", rows.get(3).get(3));
        assertEquals("6 x (2, 3)", rows.get(4).get(3));
        assertEquals("3 x (2, 3)", rows.get(5).get(3));
    }
}
