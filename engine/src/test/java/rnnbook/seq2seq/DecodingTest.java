package rnnbook.seq2seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnbook.tensor.Matrix;

class DecodingTest {
    static final int EOS = 0;
    static final int BOS = 1;
    static final int A = 2;
    static final int B = 3;
    static final int C = 4;

    /**
     * A bigram table written by hand; the state is unused (the last token is all it needs).
     * After BOS: A 0.5, B 0.4, EOS 0.1. After A: EOS 0.4, C 0.3, B 0.3. After B: EOS 0.9, C 0.1.
     * After C: EOS 1.
     * Greedy takes A (0.5) then EOS (0.4): p = 0.20. The best sequence is B then EOS: p = 0.4 * 0.9 = 0.36.
     */
    static final class Bigram implements TokenScorer<Integer> {
        private static final double[][] P = new double[5][5];

        static {
            P[BOS][A] = 0.5;
            P[BOS][B] = 0.4;
            P[BOS][EOS] = 0.1;
            P[A][EOS] = 0.4;
            P[A][C] = 0.3;
            P[A][B] = 0.3;
            P[B][EOS] = 0.9;
            P[B][C] = 0.1;
            P[C][EOS] = 1.0;
        }

        @Override
        public Next<Integer> next(Integer state, int[] tokens) {
            Matrix lp = Matrix.zeros(tokens.length, 5);
            for (int r = 0; r < tokens.length; r++) {
                for (int v = 0; v < 5; v++) {
                    lp.set(r, v, Math.log(P[tokens[r]][v]));   // log 0 = -inf: never chosen
                }
            }
            return new Next<>(lp, state);
        }

        @Override
        public Integer gather(Integer state, int[] rows) {
            return state;
        }
    }

    @Test
    void beamFindsTheBetterSequenceGreedyMisses() {
        Hypothesis greedy = Decoding.greedy(new Bigram(), 0, 1, BOS, EOS, 10).get(0);
        assertArrayEquals(new int[] {A}, greedy.tokens());
        assertEquals(Math.log(0.5) + Math.log(0.4), greedy.logProb(), 1e-12);

        List<Hypothesis> beam = Decoding.beam(new Bigram(), 0, BOS, EOS, 2, 10, 0.0);
        assertArrayEquals(new int[] {B}, beam.get(0).tokens());
        assertEquals(Math.log(0.4) + Math.log(0.9), beam.get(0).logProb(), 1e-12);
        assertTrue(beam.get(0).ended());
        assertTrue(beam.get(0).logProb() > greedy.logProb());
        // the runner-up is greedy's answer
        assertArrayEquals(new int[] {A}, beam.get(1).tokens());
    }

    @Test
    void widthOneIsGreedyOnTheTable() {
        Hypothesis greedy = Decoding.greedy(new Bigram(), 0, 1, BOS, EOS, 10).get(0);
        Hypothesis beam = Decoding.beam(new Bigram(), 0, BOS, EOS, 1, 10, 0.0).get(0);
        assertEquals(greedy, beam);
    }

    /** A cut at max length: both searches return the prefix, marked as not ended. */
    @Test
    void maxLengthCutsBoth() {
        Hypothesis greedy = Decoding.greedy(new Bigram(), 0, 1, BOS, EOS, 1).get(0);
        Hypothesis beam = Decoding.beam(new Bigram(), 0, BOS, EOS, 1, 1, 0.0).get(0);
        assertArrayEquals(new int[] {A}, greedy.tokens());
        assertFalse(greedy.ended());
        assertEquals(greedy, beam);
    }

    /**
     * Length penalty α = 1 ranks by mean log-probability per emitted token (EOS counted). With width 3 the
     * candidates are [A] (log 0.2 over 2 tokens), [B] (log 0.36 / 2) and [] (log 0.1 / 1); B is best either way,
     * but the order of the others flips: log(0.1) = -2.30 vs log(0.2)/2 = -0.80.
     */
    @Test
    void lengthPenaltyChangesTheRanking() {
        List<Hypothesis> raw = Decoding.beam(new Bigram(), 0, BOS, EOS, 3, 10, 0.0);
        List<Hypothesis> mean = Decoding.beam(new Bigram(), 0, BOS, EOS, 3, 10, 1.0);
        assertArrayEquals(new int[] {B}, raw.get(0).tokens());
        assertEquals(Math.log(0.36) / 2, mean.get(0).score(), 1e-12);
        assertEquals(Math.log(0.2) / 2, mean.get(1).score(), 1e-12);
        assertEquals(3, raw.size());
    }

    @Test
    void badWidthIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decoding.beam(new Bigram(), 0, BOS, EOS, 0, 10, 0.0));
        assertEquals("beam search: beam width must be at least 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decoding.greedy(new Bigram(), 0, 1, BOS, EOS, 0));
    }
}
