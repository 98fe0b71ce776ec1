package rnnbook.chapters.ch04;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;

class Chapter04Test {

    @Test
    void gradientsShrinkOrGrowGeometricallyWithTheRecurrentScale(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(GradientFlow.class, dir);
        assertTrue(run.stdout().contains("0.9^100 = 2.656e-05"), run.stdout());
        assertTrue(run.stdout().contains("1.2^100 = 8.282e+07"), run.stdout());
        // the engine's dL/dx_1 through 100 multiplications by w is w^100 (printed to 4 significant digits)
        assertEquals(2.656e-5, run.cell("vanishing-scalar", "0.9", 1), 1e-8);
        assertEquals(8.282e7, run.cell("vanishing-scalar", "1.2", 1), 1e4);
        run.assertFigure("gradient-norms");
        double[] scales = {0.5, 0.9, 1.2, 1.5, 2.0};
        double previousFirst = 0;
        for (double s : scales) {
            double first = run.cell("gradient-norms-ends", String.valueOf(s), 2);
            assertTrue(first > previousFirst, "more gradient reaches step 1 as the scale grows: " + s);
            previousFirst = first;
        }
        double last = run.cell("gradient-norms-ends", "0.5", 1);
        assertTrue(run.cell("gradient-norms-ends", "0.5", 2) < 1e-20 * last, "vanishing: scale 0.5");
        assertTrue(run.cell("gradient-norms-ends", "0.9", 2) < 1e-6 * last, "vanishing: scale 0.9");
        assertTrue(run.cell("gradient-norms-ends", "2.0", 2) > 1e3 * run.cell("gradient-norms-ends", "2.0", 1),
                "exploding: scale 2");
    }

    @Test
    void withoutClippingTrainingDivergesWithItItConverges(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Clipping.class, dir);
        run.assertFigure("gradient-clipping");
        run.assertFigure("gradient-clipping-norms");
        assertTrue(run.output(Clipping.class, "compare").contains("unclipped run: training diverged at step"),
                "the message that stops the unclipped run shows under the listing that calls train: " + run.stdout());
        Matcher m = Pattern.compile("clipped: +(\\d+) steps.*loss at the start ([\\d.]+), at the end ([\\d.]+)")
                .matcher(run.stdout());
        assertTrue(m.find(), run.stdout());
        assertTrue(Integer.parseInt(m.group(1)) >= 600, "the clipped run finishes");
        assertTrue(Double.parseDouble(m.group(3)) < Double.parseDouble(m.group(2)) / 3, "and learns: " + m.group());
    }

    @Test
    void accuracyFallsToChanceAsTheGapGrows(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(LongTermDependency.class, dir);
        String korean = run.output(LongTermDependency.class, "korean");
        assertTrue(korean.contains("나는 한국 사람이야"), "the Korean example is shown");
        Matcher m = Pattern.compile("needed: (\\d+)").matcher(korean);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) > 100, run.stdout());
        run.assertFigure("long-term-dependency");
        List<List<String>> rows = run.table("long-term-dependency-table");
        assertTrue(run.cell("long-term-dependency-table", "1", 1) > 0.95, "a gap of 1 is easy");
        assertTrue(run.cell("long-term-dependency-table", "5", 1) > 0.95, "a gap of 5 is easy");
        assertEquals("1 of 1", rows.get(1).get(2));
        double longest = Double.parseDouble(rows.get(rows.size() - 1).get(1));
        assertTrue(longest < 0.4, "at the longest gap the vanilla RNN is near chance (0.25): " + longest);
    }
}
