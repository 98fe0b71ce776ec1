package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;

/**
 * Hidden tests of masked-attention. Each runs the submission on seeded inputs and records what it returned; the
 * grader compares that with what the same test recorded against the reference solution.
 */
@Timeout(5)
class MaskedAttentionGraded {
    private static double[][] random(Random rng, int rows, int cols, double scale) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * rng.nextGaussian();
            }
        }
        return out;
    }

    @Test
    @DisplayName("no padding: weights and context over six positions, d = 5")
    @Points(2)
    @Hint("e_s = q · m_s / √d, then a softmax over every position")
    void a_unpadded() {
        Random rng = new Random(126);
        double[] q = random(rng, 1, 5, 1)[0];
        double[][] memory = random(rng, 6, 5, 1);
        double[] w = MaskedAttention.weights(q, memory, 6);
        Record.value("weights", w);
        Record.value("context", w == null ? null : MaskedAttention.context(w, memory));
    }

    @Test
    @DisplayName("padding: three real positions of eight, the padding vectors large")
    @Points(3)
    @Hint("the maximum and the sum of the softmax run over the real positions only; padding gets weight 0")
    void b_padded() {
        Random rng = new Random(127);
        double[] q = random(rng, 1, 3, 1)[0];
        double[][] memory = random(rng, 8, 3, 1);
        for (int s = 3; s < 8; s++) {
            memory[s] = random(rng, 1, 3, 50)[0];   // padding rows that would dominate if they were scored
        }
        double[] w = MaskedAttention.weights(q, memory, 3);
        Record.value("weights", w);
        Record.value("context", w == null ? null : MaskedAttention.context(w, memory));
    }

    @Test
    @DisplayName("scores in the thousands: the softmax stays finite")
    @Points(2)
    @Hint("subtract the largest score before exp")
    void c_largeScores() {
        Random rng = new Random(128);
        double[] q = random(rng, 1, 4, 30)[0];
        double[][] memory = random(rng, 5, 4, 30);
        for (int j = 0; j < 4; j++) {
            memory[0][j] = 10 * q[j];   // a score of 10 |q|² / 2, thousands: exp of it overflows
        }
        Record.value("weights", MaskedAttention.weights(q, memory, 5));
    }
}
