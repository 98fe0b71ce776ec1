package rnnbook.chapters.ch07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.data.Labelled;

class Chapter07Test {

    /** Removing the forget gate costs on a count that must be reset; the table's counts follow the hand formula. */
    @Test
    void withoutAForgetGateTheResetCountIsLearnedWorse(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(GreffAblation.class, dir);
        run.assertFigure("greff-box");
        String example = run.output(GreffAblation.class, "example");
        assertTrue(example.contains("R"), "the example stream shows a reset: " + example);
        double vanilla = run.cell("greff-summary", "V (vanilla)", 2);
        double noForget = run.cell("greff-summary", "NFG (no forget gate)", 2);
        assertTrue(noForget > 1.5 * vanilla, "NFG median " + noForget + " against V " + vanilla);
        assertTrue(run.cell("greff-summary", "NFG (no forget gate)", 5) < 0.05, "and the rank test says so");
        // hidden 8, input 3: a gate block is 8·(3 + 8 + 2) = 104 scalars, a peephole row 8
        assertEquals(4 * 104 + 3 * 8, run.cell("greff-summary", "V (vanilla)", 1), 0);
        assertEquals(4 * 104, run.cell("greff-summary", "NP (no peepholes)", 1), 0);
        assertEquals(4 * 104 + 3 * 8 + 9 * 64, run.cell("greff-summary", "FGR (full gate recurrence)", 1), 0);
        Matcher m = Pattern.compile("always predict the mean target: MSE ([\\d.]+)").matcher(run.stdout());
        assertTrue(m.find(), run.stdout());
        assertTrue(vanilla < Double.parseDouble(m.group(1)) / 2, "the vanilla LSTM beats the constant guess");
        assertTrue(run.stdout().contains("can give is 0.0079"), "2 / C(10, 5) = 2 / 252: " + run.stdout());
    }

    /** Hand-counted: no overlap gives 2 / C(m + n, m); one pair out of order, 3 against 3, gives 4 / 20. */
    @Test
    void rankTestByHand() {
        assertEquals(2.0 / 20, GreffAblation.rankTestP(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12);
        // U = 8 (one pair out of order): orderings with U >= 8 or U <= 1 are 2 + 2 of 20
        assertEquals(4.0 / 20, GreffAblation.rankTestP(new double[] {1, 2, 4}, new double[] {3, 5, 6}), 1e-12);
        assertEquals(1.0, GreffAblation.rankTestP(new double[] {1, 4}, new double[] {2, 3}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GreffAblation.rankTestP(new double[0], new double[] {1}));
    }

    @Test
    void resetCountTargetsCountOnesSinceTheLastReset() {
        GreffAblation.CountBatch b = GreffAblation.resetCount(3, 50, 1, new Random(2));
        for (int row = 0; row < 3; row++) {
            int count = 0;
            for (int t = 0; t < 50; t++) {
                int symbol = b.xs()[t].argmaxRows()[row];
                count = symbol == 2 ? 0 : count + symbol;
                assertEquals(count, b.target().get(t * 3 + row, 0), 0);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GreffAblation.resetCount(0, 5, 1, new Random(0)));
        assertTrue(e.getMessage().contains("got 0, 5, 1.0"), e.getMessage());
    }

    /** The schedule is drawn; the clockwork RNN generates the sines far better than a vanilla RNN of its size. */
    @Test
    void clockworkBeatsTheVanillaRnnOfTheSameSize(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Clockwork.class, dir);
        run.assertFigure("clockwork-schedule");
        run.assertFigure("clockwork-signals");
        Matcher cw = Pattern.compile("clockwork RNN: .* (\\d+) parameters, NMSE ([\\d.]+)").matcher(run.stdout());
        Matcher v = Pattern.compile("vanilla RNN: +(\\d+) units, (\\d+) parameters, NMSE ([\\d.]+)")
                .matcher(run.stdout());
        assertTrue(cw.find() && v.find(), run.stdout());
        // 8 modules of 4 units: W_hh keeps 16 · (8 + 7 + ... + 1) = 576 entries; + W_ih 32, biases 64, read-out 33
        assertEquals(576 + 32 + 64 + 33, Integer.parseInt(cw.group(1)));
        int n = Integer.parseInt(v.group(1));
        assertEquals(n * n + 4 * n + 1, Integer.parseInt(v.group(2)));
        assertTrue(Math.abs(Integer.parseInt(v.group(2)) - 705) < 2 * n + 5, "the same budget, within a unit");
        assertTrue(Double.parseDouble(cw.group(2)) < 0.5 * Double.parseDouble(v.group(3)), run.stdout());
        assertThrows(IllegalArgumentException.class, () -> Clockwork.sumOfSines(0));
    }

    /** Both models beat chance on the synthetic reviews; the counting rule that knows the data is above both. */
    @Test
    void slicedRnnIsTimedAndClassifies(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Sliced.class, dir);
        run.assertFigure("sliced-speed-chart");
        assertEquals(3, run.table("sliced-speed").size(), "a header and two lengths at CI scale");
        assertTrue(run.cell("sliced-speed", "1024", 1) > 0, "the GRU was timed");
        double rule = run.cell("sliced-accuracy", "counting rule (knows how the data were made)", 1);
        assertTrue(rule > 0.7, "the data carry the label: " + rule);
        assertTrue(run.cell("sliced-accuracy", "sliced GRU, 8 slices", 1) > 0.55, run.stdout());
        Labelled r = Sliced.reviews(4, 9, new Random(0));
        assertEquals(9, r.length());
        assertThrows(IllegalArgumentException.class, () -> Sliced.reviews(0, 9, new Random(0)));
    }
}
