package rnnbook.chapters.ch06;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.nn.GruCell;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

class Chapter06Test {

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Test
    void oneGruStepFollowsPyTorchsFormulaWorkedByHand() {
        // One input, one unit: every weight block is a single number, so the step can be worked on paper.
        var gru = new GruCell(1, 1, new Random(0));
        gru.weightIh().value().copyFrom(Matrix.column(0.5, -1.0, 2.0));    // W_ir, W_iz, W_in
        gru.weightHh().value().copyFrom(Matrix.column(1.0, 0.5, -0.5));    // W_hr, W_hz, W_hn
        gru.biasIh().value().copyFrom(Matrix.row(0.0, 0.1, 0.0));
        gru.biasHh().value().copyFrom(Matrix.row(0.2, 0.0, 0.3));
        double x = 1.0;
        double h = 0.5;
        double r = sigmoid(0.5 * x + 1.0 * h + 0.2);              // sigma(1.2)
        double z = sigmoid(-1.0 * x + 0.1 + 0.5 * h);             // sigma(-0.65)
        double n = Math.tanh(2.0 * x + r * (-0.5 * h + 0.3));     // reset scales W_hn h + b_hn, bias included
        double expected = (1 - z) * n + z * h;
        double got = gru.forward(Matrix.row(x), State.of(Matrix.row(h))).state().h().get(0, 0);
        assertEquals(expected, got, 1e-12);
        double nCho = Math.tanh(2.0 * x + -0.5 * (r * h) + 0.3);  // Cho et al.: reset before W_hn, bias outside
        assertTrue(Math.abs((1 - z) * nCho + z * h - got) > 1e-3, "the two placements give different states");
    }

    @Test
    void theProgramMatchesTheEngineAndShowsThatChosPlacementDiffers(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(GruStep.class, dir);
        String step = run.output(GruStep.class, "step");
        assertTrue(step.contains("weight_ih (6, 3), weight_hh (6, 2)"), step);
        String byHand = run.output(GruStep.class, "by-hand");
        assertTrue(byHand.contains("largest difference from the engine 0.0e+00"), byHand);
        Matcher m = Pattern.compile("differs by ([\\d.]+)").matcher(byHand);
        assertTrue(m.find() && Double.parseDouble(m.group(1)) > 0.001, byHand);
    }

    @Test
    void parameterCountsByTheFormulaAgreeWithTheEngineAndWithHandArithmetic(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(ParameterCounts.class, dir);
        // 1 * (100 * 88 + 100 * 100 + 2 * 100) = 19,000; the GRU and LSTM stack 3 and 4 such blocks
        long[] byHand = {19_000, 57_000, 76_000};
        String[] kinds = {"RNN", "GRU", "LSTM"};
        for (int k = 0; k < kinds.length; k++) {
            assertEquals(byHand[k], run.cell("gru-params-equal-hidden", kinds[k], 1), 0, kinds[k]);
            assertEquals(byHand[k], run.cell("gru-params-equal-hidden", kinds[k], 2), 0, kinds[k] + " (engine)");
        }
        // the budget of 20,000 at input 88: 103 * 191 + 206 = 19,879 (104 units: 20,176);
        // 3 * (48 * 136 + 96) = 19,872 (49: 20,433); 4 * (38 * 126 + 76) = 19,456 (39: 20,124)
        long[][] budget = {{103, 19_879, 100, 19_000}, {48, 19_872, 46, 18_768}, {38, 19_456, 36, 18_144}};
        for (int k = 0; k < kinds.length; k++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(budget[k][c], run.cell("gru-params-budget", kinds[k], c + 1), 0, kinds[k] + " column " + c);
            }
        }
    }

    @Test
    void gatedCellsSolveTheAddingProblemAtAnEqualBudgetWhereTheVanillaRnnDoesNot(@TempDir Path dir)
            throws Exception {
        ProgramRun run = ProgramRun.of(GruVsLstm.class, dir);
        List<List<String>> rows = run.table("gru-vs-lstm");
        assertEquals(List.of("RNN", "GRU", "LSTM"), rows.stream().skip(1).map(r -> r.get(0)).toList());
        double rnn = run.cell("gru-vs-lstm", "RNN", 1);
        double gru = run.cell("gru-vs-lstm", "GRU", 1);
        assertTrue(rnn > 0.1, "the vanilla RNN stays near the baseline 1/6: " + rnn);
        assertTrue(gru < 0.04, "the GRU solves T = 50 by the criterion: " + gru);
        assertEquals("2 of 2", rows.get(2).get(2));
        double uniform = Math.log(44);   // 44 distinct characters in the English text
        for (String kind : List.of("RNN", "GRU", "LSTM")) {
            double nats = run.cell("gru-vs-lstm", kind, 4);
            assertTrue(nats < uniform - 1, kind + " learned the characters: " + nats + " nats against " + uniform);
            assertTrue(run.cell("gru-vs-lstm", kind, 3) > 0 && run.cell("gru-timing", kind, 1) > 0, kind);
        }
        assertEquals(3.0, run.cell("gru-timing", "GRU", 3), 1e-9);
        assertEquals(4.0, run.cell("gru-timing", "LSTM", 3), 1e-9);
        run.assertFigure("gru-adding-curves");
        assertTrue(run.output(GruVsLstm.class, "compare").contains("MSE 0.1667"), run.stdout());
    }

    @Test
    void badInputGetsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> ParameterCounts.cellParameters(CellKind.GRU, 0, 5));
        assertTrue(e.getMessage().contains("got input 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ParameterCounts.hiddenForBudget(CellKind.LSTM, 88, 100));
        assertTrue(e.getMessage().contains("budget of 100") && e.getMessage().contains("LSTM"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GruVsLstm.adding(CellKind.GRU, 4, 50, 0, 1));
        assertTrue(e.getMessage().contains("steps must be at least 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GruVsLstm.adding(CellKind.GRU, 4, 1, 10, 1));
        assertTrue(e.getMessage().contains("at least 2 steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GruVsLstm.characters(CellKind.LSTM, 4, 0, 1));
        assertTrue(e.getMessage().contains("steps must be at least 1"), e.getMessage());
        var gru = new GruCell(3, 2, new Random(0));
        var wrong = assertThrows(IllegalArgumentException.class,
                () -> gru.forward(Matrix.row(1, 2), State.of(Matrix.row(0, 0))));
        assertTrue(wrong.getMessage().contains("(1, 2)"), wrong.getMessage());
    }
}
