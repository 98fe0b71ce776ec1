package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of gru-step: the new state on seeded inputs and weights, recorded. */
@Timeout(5)
class GruStepGraded {
    private static Matrix random(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return Matrix.wrap(rows, cols, d);
    }

    /** h_t for a seeded cell; zero biases when {@code bias} is false, a zero h_prev when {@code state} is false. */
    private static Matrix run(long seed, int batch, int input, int hidden, boolean bias, boolean state) {
        Random rng = new Random(seed);
        Matrix x = random(rng, batch, input, 1);
        Matrix hPrev = state ? random(rng, batch, hidden, 0.9) : Matrix.zeros(batch, hidden);
        Matrix wIh = random(rng, 3 * hidden, input, 0.8);
        Matrix wHh = random(rng, 3 * hidden, hidden, 0.8);
        Matrix bIh = bias ? random(rng, 1, 3 * hidden, 0.5) : Matrix.zeros(1, 3 * hidden);
        Matrix bHh = bias ? random(rng, 1, 3 * hidden, 0.5) : Matrix.zeros(1, 3 * hidden);
        return GruStep.step(x, hPrev, wIh, wHh, bIh, bHh);
    }

    @Test
    @DisplayName("a batch of 3, input 4, hidden 5, every weight and bias random")
    @Points(3)
    @Hint("follow the formula block by block: r, z, n are the three blocks of hidden columns, in that order")
    void a_general() {
        Record.value("h_t", run(61, 3, 4, 5, true, true));
    }

    @Test
    @DisplayName("no biases: the reset gate multiplies h_prev · W_hnᵀ, after the product")
    @Points(2)
    @Hint("r ⊙ (h_prev · W_hnᵀ + b_hn), not (r ⊙ h_prev) · W_hnᵀ")
    void b_noBias() {
        Record.value("h_t", run(62, 2, 3, 4, false, true));
    }

    @Test
    @DisplayName("a zero previous state: the candidate still sees r ⊙ b_hn")
    @Points(2)
    @Hint("the reset gate scales the recurrent bias b_hn too")
    void c_zeroState() {
        Record.value("h_t", run(63, 2, 3, 3, true, false));
    }

    @Test
    @DisplayName("one unit without biases")
    @Points(1)
    @Hint("h = (1 - z)·n + z·h_prev: the update gate weighs the old state")
    void d_oneUnit() {
        Record.value("h_t", run(64, 4, 2, 1, false, true));
    }

    @Test
    @DisplayName("the shape of h_t for a batch of 5, input 7, hidden 2")
    @Points(1)
    @Hint("h_t has one row per example and one column per hidden unit")
    void e_shape() {
        Record.shape("h_t", run(65, 5, 7, 2, true, true));
    }
}
