package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of coupled-gate-step: h_t and c_t on seeded inputs, recorded. */
@Timeout(5)
class CoupledGateStepGraded {
    private static Matrix uniform(int rows, int cols, double bound, long seed) {
        Random rng = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = bound * (2 * rng.nextDouble() - 1);
        }
        return Matrix.wrap(rows, cols, d);
    }

    /** batch, input, hidden and a seed: {h_t, c_t} of a random step. */
    private static Matrix[] randomStep(int batch, int in, int n, long seed) {
        return CoupledGateStep.step(uniform(batch, in, 1, seed), uniform(batch, n, 1, seed + 1),
                uniform(batch, n, 2, seed + 2), uniform(3 * n, in, 1, seed + 3), uniform(3 * n, n, 1, seed + 4),
                uniform(1, 3 * n, 1, seed + 5));
    }

    @Test
    @DisplayName("returns h_t and c_t of shape (batch, hidden)")
    @Points(1)
    @Hint("two matrices, h first, each with one row per example and one column per hidden unit")
    void a_shapes() {
        Matrix[] hc = randomStep(3, 2, 4, 81);
        Record.shape("h_t", hc == null ? null : hc[0]);
        Record.shape("c_t", hc == null ? null : hc[1]);
    }

    @Test
    @DisplayName("the new cell state c_t: batch 3, input 2, hidden 4")
    @Points(3)
    @Hint("c = (1 - i)·c_prev + i·g, with i from the first block of columns and g from the second")
    void b_cell() {
        Matrix[] hc = randomStep(3, 2, 4, 82);
        Record.value("c_t", hc == null ? null : hc[1]);
    }

    @Test
    @DisplayName("the new hidden state h_t: batch 3, input 2, hidden 4")
    @Points(3)
    @Hint("h = o·tanh(c_t), with o = σ of the third block of columns")
    void c_hidden() {
        Matrix[] hc = randomStep(3, 2, 4, 83);
        Record.value("h_t", hc == null ? null : hc[0]);
    }

    @Test
    @DisplayName("a recurrent weight that is not symmetric, hidden 3")
    @Points(2)
    @Hint("h_prev · W_hhᵀ: row j of W_hh holds the weights into pre-activation j")
    void d_recurrent() {
        Matrix[] hc = CoupledGateStep.step(Matrix.zeros(2, 1), uniform(2, 3, 1, 84), uniform(2, 3, 1, 85),
                Matrix.zeros(9, 1), uniform(9, 3, 1.5, 86), Matrix.zeros(1, 9));
        Record.value("h_t", hc == null ? null : hc[0]);
        Record.value("c_t", hc == null ? null : hc[1]);
    }

    @Test
    @DisplayName("an input gate shut tight keeps the old cell; one wide open replaces it")
    @Points(2)
    @Hint("with i near 0 the forget gate 1 - i is near 1, so c_t stays c_prev")
    void e_extremes() {
        Matrix b = Matrix.row(-40, 40, 0.5, 1, 0.3, -0.2);   // unit 0: i ≈ 0; unit 1: i ≈ 1
        Matrix[] hc = CoupledGateStep.step(Matrix.zeros(1, 1), Matrix.zeros(1, 2), Matrix.row(0.7, -0.4),
                Matrix.zeros(6, 1), Matrix.zeros(6, 2), b);
        Record.value("c_t", hc == null ? null : hc[1]);
        Record.value("h_t", hc == null ? null : hc[0]);
    }
}
