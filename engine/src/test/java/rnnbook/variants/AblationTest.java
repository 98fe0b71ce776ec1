package rnnbook.variants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import rnnbook.nn.RnnCell;
import tech.tablesaw.api.Table;

class AblationTest {

    @Test
    void everyVariantTrainsOnTheSameBudgetAtTinyScale() {
        Table t = Ablation.run(Ablation.standardVariants(2), 6, new Ablation.Budget(8, 400, 16, 0.02, 1));
        System.out.println(t.print());
        assertEquals(8, t.rowCount());
        assertEquals("baseline: predict 1.0", t.stringColumn("variant").get(7));
        double baseline = t.doubleColumn("test_mse").get(7);
        assertEquals(1.0 / 6, baseline, 0.05);   // the variance of a sum of two uniforms
        for (int r = 0; r < 7; r++) {
            double testMse = t.doubleColumn("test_mse").get(r);
            assertTrue(Double.isFinite(testMse) && testMse < baseline,
                    t.stringColumn("variant").get(r) + " did not beat the baseline: " + testMse);
        }
        // parameter counts, by hand for hidden 8, input 2, head 8 -> 1 (9 parameters)
        assertEquals(8 * 2 + 8 * 8 + 8 + 8 + 9, t.intColumn("parameters").get(0));               // vanilla
        assertEquals(4 * (8 * 2 + 8 * 8 + 8 + 8) + 9, t.intColumn("parameters").get(1));         // LSTM
        assertEquals(3 * (8 * 2 + 8 * 8 + 8 + 8) + 9, t.intColumn("parameters").get(2));         // GRU
        assertEquals(4 * (8 * 2 + 8 * 8 + 8 + 8) + 3 * 8 + 9, t.intColumn("parameters").get(3)); // peephole
        assertEquals(3 * (8 * 2 + 8 * 8 + 8 + 8) + 9, t.intColumn("parameters").get(4));         // coupled
    }

    /** Same budget and seed, same numbers: the table is reproducible. */
    @Test
    void runsRepeatExactly() {
        Map<String, Ablation.ReaderFactory> one = Map.of("rnn", Ablation.cell(RnnCell::new));
        Ablation.Budget budget = new Ablation.Budget(4, 20, 8, 0.01, 3);
        assertEquals(Ablation.run(one, 6, budget).doubleColumn("test_mse").get(0),
                Ablation.run(one, 6, budget).doubleColumn("test_mse").get(0), 0.0);
    }

    @Test
    void badBudgetIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ablation.Budget(0, 1, 1, 0.1, 0));
        assertTrue(e.getMessage().contains("got 0, 1, 1, 0.1"), e.getMessage());
    }
}
