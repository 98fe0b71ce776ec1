package rnnbook.chapters.ch05;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.nn.LstmCell;

class Chapter05Test {

    private static double[] printed(String out, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + " *= \\[([-\\d., ]+)]").matcher(out);
        assertTrue(m.find(), label + " not printed in: " + out);
        return java.util.Arrays.stream(m.group(1).split(", ")).mapToDouble(Double::parseDouble).toArray();
    }

    @Test
    @Timeout(120)
    void theStepFollowsTheGateFormulasAndAnOpenForgetGateCarriesTheGradient(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(LstmGates.class, dir);
        String shapes = run.output(LstmGates.class, "shapes");
        assertTrue(shapes.contains("weight_ih: 8 x 3") && shapes.contains("weight_hh: 8 x 2"), shapes);
        assertTrue(shapes.contains("parameters: 56 "), "4 * (2*3 + 2*2 + 2*2) = 56: " + shapes);
        String step = run.output(LstmGates.class, "step");
        double[] f = printed(step, "forget    f");
        double[] i = printed(step, "input     i");
        double[] g = printed(step, "candidate g");
        double[] o = printed(step, "output    o");
        double[] c = printed(step, "c_t = f*c_prev + i*g");
        double[] h = printed(step, "h_t = o*tanh(c_t)");
        double[] cPrev = {0.5, -0.3};   // the region's c_{t-1}
        for (int k = 0; k < 2; k++) {
            assertTrue(f[k] > 0 && f[k] < 1 && i[k] > 0 && i[k] < 1 && o[k] > 0 && o[k] < 1, "sigmoid gates");
            assertEquals(f[k] * cPrev[k] + i[k] * g[k], c[k], 2e-3, "c = f c_prev + i g, unit " + k);
            assertEquals(o[k] * Math.tanh(c[k]), h[k], 2e-3, "h = o tanh(c), unit " + k);
        }
        run.assertFigure("lstm-gradient-norms");
        String ratio = "‖dL/dx_1‖ / ‖dL/dx_100‖";
        assertEquals(0.5, run.cell("lstm-gradient-ends", "LSTM, b_f = 0", 2), 0.02, "σ(0) = 0.5 on average");
        assertEquals(0.731, run.cell("lstm-gradient-ends", "LSTM, b_f = 1", 2), 0.02, "σ(1) = 0.731 on average");
        assertTrue(run.table("lstm-gradient-ends").get(0).contains(ratio), run.table("lstm-gradient-ends").toString());
        assertTrue(run.cell("lstm-gradient-ends", "LSTM, b_f = 0", 1) < 1e-15, "a half-open forget gate vanishes");
        assertTrue(run.cell("lstm-gradient-ends", "LSTM, b_f = 3", 1) > 1e-2, "an open one carries the gradient");
        assertTrue(run.cell("lstm-gradient-ends", "LSTM, b_f = 3", 1)
                > 1e6 * run.cell("lstm-gradient-ends", "vanilla, s = 0.9", 1), "far more than the vanilla cell");
    }

    @Test
    void parameterBudgetsFollowTheHandFormulas() {
        // LSTM, 2 inputs, 16 units, 1 output: 4 (16*2 + 16*16 + 2*16) + 16 + 1 = 1297
        assertEquals(1297, Adding.lstmParameters(2, 16, 1));
        // vanilla, 33 units: 33*2 + 33*33 + 2*33 + 33 + 1 = 1255; 34 units would need 1327
        assertEquals(1255, Adding.rnnParameters(2, 33, 1));
        assertEquals(33, Adding.rnnHiddenFor(2, 1, 1297));
        var e = assertThrows(IllegalArgumentException.class, () -> Adding.rnnHiddenFor(2, 1, 5));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }

    @Test
    void badInputGetsAClearError() {
        var cell = new LstmCell(2, 4, new Random(1));
        var steps = assertThrows(IllegalArgumentException.class, () -> Adding.trainAdding(cell, 10, 0, 10, 1));
        assertTrue(steps.getMessage().contains("at least 1"), steps.getMessage());
        int longest = KoreanGap.filler().length();
        var gap = assertThrows(IllegalArgumentException.class, () -> KoreanGap.sentence(0, longest + 1, new Random(1)));
        assertTrue(gap.getMessage().contains("gap must be between 0 and " + longest), gap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KoreanGap.sentence(0, -1, new Random(1)));
        var gate = assertThrows(IllegalArgumentException.class,
                () -> GateHeatmaps.gateOverTime(List.of(), "candidat", new int[] {0}));
        assertTrue(gate.getMessage().contains("candidat"), gate.getMessage());
    }

    @Test
    void koreanSentencesPutTheClueFirstAndTheGapInBetween() {
        String s = KoreanGap.sentence(4, 12, new Random(2));
        assertTrue(s.startsWith("나는 미국 사람이야. "), s);
        assertTrue(s.endsWith(" 나는 "), s);
        assertEquals("나는 미국 사람이야. ".length() + 12 + " 나는 ".length(), s.length());
        var batch = KoreanGap.koreanBatch(KoreanGap.koreanVocabulary(), 3, 12, new Random(2));
        assertEquals(s.length(), batch.xs().length, "one step per character");
        assertEquals(KoreanGap.koreanVocabulary().size(), batch.xs()[0].cols());
    }

    @Test
    @Timeout(300)
    void theLstmSolvesTheAddingProblemTheVanillaRnnStaysAtTheMean(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Adding.class, dir);
        String models = run.output(Adding.class, "models");
        assertTrue(models.contains("1297 parameters (engine: 1297)"), models);
        assertTrue(models.contains("33 units: 1255 parameters (engine: 1255)"), models);
        run.assertFigure("adding-curves");
        List<List<String>> rows = run.table("adding-results");
        List<String> lstm = rows.get(1);
        List<String> rnn = rows.get(2);
        assertEquals("LSTM", lstm.get(1));
        assertEquals("vanilla RNN", rnn.get(1));
        assertTrue(Double.parseDouble(lstm.get(4)) < 0.02, "both LSTM runs far below the mean baseline 1/6: " + lstm);
        assertTrue(Double.parseDouble(rnn.get(4)) > 0.1, "the vanilla RNN near the mean baseline 1/6: " + rnn);
    }

    @Test
    @Timeout(300)
    void theLstmNamesTheLanguageAcrossGapsWhereTheVanillaRnnGuesses(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(KoreanGap.class, dir);
        assertTrue(run.output(KoreanGap.class, "example").contains("나는 한국 사람이야."), run.stdout());
        run.assertFigure("korean-gap");
        assertTrue(run.cell("korean-gap", "5", 1) > 0.9, "a short gap is easy for the vanilla RNN");
        assertTrue(run.cell("korean-gap", "20", 2) > 0.9, "the LSTM bridges 20 characters");
        assertTrue(run.cell("korean-gap", "20", 1) < 0.4, "the vanilla RNN does not (chance 1/6)");
        assertTrue(run.cell("korean-gap", "40", 2) > run.cell("korean-gap", "40", 1) + 0.3,
                "at 40 characters the LSTM is far above the vanilla RNN");
    }

    @Test
    @Timeout(300)
    void theForgetBiasComparisonAndTheGateHeatmapsAreDrawn(@TempDir Path dir) throws Exception {
        ProgramRun bias = ProgramRun.of(ForgetBias.class, dir);
        bias.assertFigure("forget-bias-runs");
        assertEquals(0.5, bias.cell("forget-bias", "0.0", 1), 1e-9);
        assertEquals(0.95, bias.cell("forget-bias", "3.0", 1), 1e-9);
        ProgramRun gates = ProgramRun.of(GateHeatmaps.class, dir);
        for (String name : new String[] {"gates-forget", "gates-input", "gates-output"}) {
            gates.assertFigure(name);
        }
        Matcher m = Pattern.compile("test accuracy at a gap of \\d+: ([\\d.]+)").matcher(gates.stdout());
        assertTrue(m.find() && Double.parseDouble(m.group(1)) > 0.9, "the model whose gates are shown has learnt: "
                + gates.stdout());
    }
}
