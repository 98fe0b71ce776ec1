package rnnbook.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import rnnbook.nn.RnnCell;
import rnnbook.optim.Adam;
import rnnbook.optim.Clip;

/** A tiny model with attention learns to reverse digit strings; decoding agrees with itself. */
class Seq2SeqLearnsTest {
    static final ReverseTask TASK = new ReverseTask(6, 3, 6);
    static Seq2Seq model;
    static double firstLoss;
    static double lastLoss;

    @BeforeAll
    static void train() {
        Random rng = new Random(7);
        model = new Seq2Seq(TASK.vocab(), TASK.vocab(), 12, 32, RnnCell::new, Seq2Seq.AttentionKind.DOT,
                ReverseTask.TOKENS, rng);
        Adam adam = new Adam(model.parameters(), 0.01);
        for (int step = 0; step < STEPS; step++) {
            int[][] src = TASK.sources(32, rng);
            adam.zeroGrad();
            double loss = model.forwardBackward(src, ReverseTask.reverse(src), 0.8, rng);
            Clip.gradNorm(model.parameters(), 5.0);
            adam.step();
            if (step == 0) {
                firstLoss = loss;
            }
            lastLoss = loss;
        }
    }

    static final int STEPS = 400;

    @Test
    void reachesHighExactMatchOnHeldOutStrings() {
        int[][] test = TASK.sources(200, new Random(12345));
        int[][] want = ReverseTask.reverse(test);
        List<Hypothesis> got = model.greedy(test, 10);
        int exact = 0;
        for (int b = 0; b < test.length; b++) {
            exact += Arrays.equals(want[b], got.get(b).tokens()) ? 1 : 0;
        }
        double accuracy = exact / 200.0;
        System.out.printf("reverse task: loss %.3f -> %.3f, exact match %.3f%n", firstLoss, lastLoss, accuracy);
        assertTrue(accuracy >= 0.9, "exact-match accuracy " + accuracy);
    }

    @Test
    void beamWidthOneIsGreedy() {
        int[][] test = TASK.sources(20, new Random(99));
        List<Hypothesis> greedy = model.greedy(test, 10);
        for (int b = 0; b < test.length; b++) {
            Hypothesis beam = model.beamSearch(test[b], 1, 10, 0.0).get(0);
            assertArrayEquals(greedy.get(b).tokens(), beam.tokens());
            assertEquals(greedy.get(b).logProb(), beam.logProb(), 1e-12);
        }
    }

    /** The heatmap of a reversal is an anti-diagonal: output step t reads source position len - 1 - t most. */
    @Test
    void attentionOfAReversalIsAntiDiagonal() {
        int[] source = {3, 5, 7, 4, 8};
        Seq2Seq.Translation tr = model.translateWithAttention(source, 10);
        assertArrayEquals(new int[] {8, 4, 7, 5, 3}, tr.hypothesis().tokens());
        assertEquals(6, tr.attention().rows());   // five digits and EOS
        assertEquals(5, tr.attention().cols());
        assertEquals(model.greedy(new int[][] {source}, 10).get(0), tr.hypothesis());
        for (int t = 0; t < 5; t++) {
            assertEquals(4 - t, tr.attention().rowAt(t).argmaxRows()[0], "output step " + t);
        }
    }
}
