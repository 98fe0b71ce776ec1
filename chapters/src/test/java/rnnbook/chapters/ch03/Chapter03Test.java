package rnnbook.chapters.ch03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;

class Chapter03Test {

    @Test
    void theWorkedSoftmaxExampleAndALossThatFalls(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(SoftmaxCe.class, dir);
        double sum = Math.exp(2) + Math.exp(1) + Math.exp(0.1);   // 7.389 + 2.718 + 1.105
        assertEquals(Math.exp(2) / sum, run.cell("softmax-ce-worked", "0 (true)", 3), 5e-4);
        assertEquals(Math.exp(0.1) / sum, run.cell("softmax-ce-worked", "2", 3), 5e-4);
        assertEquals(Math.exp(2) / sum - 1, run.cell("softmax-ce-worked", "0 (true)", 4), 5e-4);
        assertTrue(run.stdout().contains(String.format("loss -ln p_0 = %.4f", -Math.log(Math.exp(2) / sum))),
                run.stdout());
        run.assertFigure("softmax-ce-loss");
        Matcher m = Pattern.compile("loss at the start ([\\d.]+) .* at the end ([\\d.]+)").matcher(run.stdout());
        assertTrue(m.find(), run.stdout());
        assertEquals(Math.log(2), Double.parseDouble(m.group(1)), 0.1, "an untrained two-class model is near ln 2");
        assertTrue(Double.parseDouble(m.group(2)) < 0.25, "training lowers the loss: " + m.group(2));
    }

    @Test
    void theSharesOfEveryStepAddUpToTheGradient(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Bptt.class, dir);
        assertTrue(run.output(Bptt.class, "engine").contains("largest difference from the sum of the shares: 0.0e+00"),
                run.stdout());
        List<List<String>> rows = run.table("bptt-contributions");
        assertEquals(6, rows.size(), "header, four steps, sum");
        // h_0 = 0, so step 1 adds nothing to dL/dW_hh = da_1ᵀ · h_0
        assertEquals("[0.00000, 0.00000; 0.00000, 0.00000]", rows.get(4).get(2));
        assertTrue(run.stdout().contains("engine dL/dW_hh = " + rows.get(5).get(2)), run.stdout());
    }

    @Test
    @Timeout(180)
    void adamLearnsFastestMomentumBeatsPlainSgdAndTooLargeAStepHurts(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(UpdateRules.class, dir);
        run.assertFigure("update-rules");
        List<List<String>> rows = run.table("update-rules-table");
        assertEquals(List.of("update rule", "lr 0.001", "lr 0.01", "lr 0.1", "lr 1.0"), rows.get(0));
        Map<String, double[]> loss = new HashMap<>();   // "diverged" counts as an infinite loss
        for (List<String> r : rows.subList(1, rows.size())) {
            loss.put(r.get(0), r.subList(1, r.size()).stream()
                    .mapToDouble(c -> c.equals("diverged") ? Double.POSITIVE_INFINITY : Double.parseDouble(c)).toArray());
        }
        assertEquals(Set.of("SGD", "momentum", "Adam"), loss.keySet());
        double sgd = Arrays.stream(loss.get("SGD")).min().orElseThrow();
        double momentum = Arrays.stream(loss.get("momentum")).min().orElseThrow();
        double adam = Arrays.stream(loss.get("Adam")).min().orElseThrow();
        assertTrue(adam < 0.75 * Math.min(sgd, momentum), "at its best learning rate Adam ends lowest, clearly: Adam "
                + adam + ", SGD " + sgd + ", momentum " + momentum);
        for (int i = 0; i < 2; i++) {   // lr 0.001 and 0.01: the velocity adds up about ten gradients
            assertTrue(loss.get("momentum")[i] < loss.get("SGD")[i], "momentum gets further than SGD at the same"
                    + " small learning rate: " + rows);
        }
        for (String rule : List.of("momentum", "Adam")) {   // a learning rate of 1 overshoots: worse than guessing
            assertTrue(loss.get(rule)[3] > Math.log(2), rule + " at lr 1.0: " + loss.get(rule)[3]);
        }
    }

    @Test
    void windowsShorterThanTheDelayCannotLearnItAndOneHugeWindowLearnsSlowly(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(TruncatedWindows.class, dir);
        run.assertFigure("truncated-bptt-quality");
        run.assertFigure("truncated-bptt-speed");
        List<List<String>> rows = run.table("truncated-bptt-table");
        double best = Double.MAX_VALUE;
        for (List<String> r : rows.subList(1, rows.size())) {
            int k = Integer.parseInt(r.get(0));
            double error = Double.parseDouble(r.get(2));
            if (k < 6) {
                assertTrue(error > 0.15, "a window of " + k + " cannot credit a 6-step delay: " + error);
            } else if (k <= 32) {
                best = Math.min(best, error);
            }
        }
        assertTrue(best < 0.02, "windows of 8 to 32 learn the delay: " + best);
        double full = Double.parseDouble(rows.get(rows.size() - 1).get(2));
        assertTrue(full > 5 * best, "one update per pass is too few: " + full);
        // one Adam step per window: k = 1 makes a thousand times more of them than the whole stream as one window,
        // so even the fastest of three rounds on a loaded machine spends far longer in updates
        double updatesK1 = Double.parseDouble(rows.get(1).get(4));
        double updatesWhole = Double.parseDouble(rows.get(rows.size() - 1).get(4));
        assertTrue(updatesK1 > 10 * updatesWhole, "updates alone, k = 1: " + updatesK1 + " s, whole stream: "
                + updatesWhole + " s");
    }

    @Test
    void everyLayerPassesTheCheckAndTruncatedGradientsDoNot(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(GradientChecks.class, dir);
        List<List<String>> rows = run.table("gradient-check-errors");
        assertTrue(rows.size() >= 16, "Dense, two recurrent models, embedding: " + rows.size());
        for (List<String> r : rows.subList(1, rows.size())) {
            assertTrue(Double.parseDouble(r.get(3)) < 1e-7, r.toString());
        }
        Matcher hh = Pattern.compile("weight_hh +relative error ([\\d.e+-]+)").matcher(run.stdout());
        Matcher head = Pattern.compile("\\nweight +relative error ([\\d.e+-]+)").matcher(run.stdout());
        assertTrue(hh.find() && head.find(), run.stdout());
        assertTrue(Double.parseDouble(hh.group(1)) > 1e-2, "truncation changes W_hh's gradient");
        assertTrue(Double.parseDouble(head.group(1)) < 1e-7, "but not the read-out's");
    }
}
