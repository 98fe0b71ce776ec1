package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/**
 * Hidden tests of lstm-step. Each runs the submission on seeded inputs and records what it returned; the grader
 * compares that with what the same test recorded against the reference solution.
 */
@Timeout(5)
class LstmStepGraded {
    private static Matrix random(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * rng.nextGaussian();
        }
        return Matrix.wrap(rows, cols, d);
    }

    private static void recordBoth(String when, Matrix[] out) {
        Record.value("h_t " + when, out == null || out.length < 1 ? null : out[0]);
        Record.value("c_t " + when, out == null || out.length < 2 ? null : out[1]);
    }

    @Test
    @DisplayName("h_t and c_t have shape (batch, hidden) when input and hidden sizes differ")
    @Points(1)
    void a_shape() {
        Random rng = new Random(51);
        Matrix[] out = LstmStep.step(random(rng, 3, 5, 1), random(rng, 3, 2, 1), random(rng, 3, 2, 1),
                random(rng, 8, 5, 0.5), random(rng, 8, 2, 0.5), random(rng, 1, 8, 0.5));
        Record.shape("h_t", out == null || out.length < 1 ? null : out[0]);
        Record.shape("c_t", out == null || out.length < 2 ? null : out[1]);
    }

    @Test
    @DisplayName("a first step (h_{t-1} = c_{t-1} = 0): the input gate and the candidate")
    @Points(2)
    @Hint("with c_{t-1} = 0, c_t = i ⊙ g: check the gate order i, f, g, o and that g uses tanh")
    void b_firstStep() {
        Random rng = new Random(52);
        Matrix x = random(rng, 2, 3, 1);
        Matrix wih = random(rng, 12, 3, 0.8);
        Matrix whh = random(rng, 12, 3, 0.8);
        Matrix b = random(rng, 1, 12, 0.5);
        recordBoth("after a first step", LstmStep.step(x, Matrix.zeros(2, 3), Matrix.zeros(2, 3), wih, whh, b));
    }

    @Test
    @DisplayName("a step from a non-zero state: the forget gate keeps part of c_{t-1}")
    @Points(3)
    @Hint("c_t = f ⊙ c_{t-1} + i ⊙ g, and h_t = o ⊙ tanh(c_t), not o ⊙ c_t")
    void c_step() {
        Random rng = new Random(53);
        Matrix x = random(rng, 3, 2, 1);
        Matrix hPrev = random(rng, 3, 4, 0.6);
        Matrix cPrev = random(rng, 3, 4, 1.5);
        recordBoth("after one step", LstmStep.step(x, hPrev, cPrev, random(rng, 16, 2, 0.7), random(rng, 16, 4, 0.7),
                random(rng, 1, 16, 0.5)));
    }

    @Test
    @DisplayName("eight steps fed back into themselves match the unrolled reference")
    @Points(2)
    @Hint("errors in one step compound over the sequence")
    void d_sequence() {
        Random rng = new Random(54);
        Matrix wih = random(rng, 12, 2, 0.8);
        Matrix whh = random(rng, 12, 3, 0.8);
        Matrix b = random(rng, 1, 12, 0.4);
        Matrix[] state = {Matrix.zeros(2, 3), Matrix.zeros(2, 3)};
        for (int t = 0; t < 8 && state != null && state.length == 2; t++) {
            state = LstmStep.step(random(rng, 2, 2, 1), state[0], state[1], wih, whh, b);
        }
        recordBoth("after eight steps", state);
    }

    @Test
    @DisplayName("the arguments are left unchanged")
    @Points(1)
    @Hint("use methods that return a new Matrix (add, not addInPlace)")
    void e_untouched() {
        Random rng = new Random(55);
        Matrix x = random(rng, 2, 3, 1);
        Matrix hPrev = random(rng, 2, 2, 1);
        Matrix cPrev = random(rng, 2, 2, 1);
        Matrix wih = random(rng, 8, 3, 1);
        Matrix whh = random(rng, 8, 2, 1);
        Matrix b = random(rng, 1, 8, 1);
        Record.value("was a result returned?", LstmStep.step(x, hPrev, cPrev, wih, whh, b) != null);
        Record.value("x after the call", x);
        Record.value("hPrev after the call", hPrev);
        Record.value("cPrev after the call", cPrev);
        Record.value("wih after the call", wih);
        Record.value("whh after the call", whh);
        Record.value("b after the call", b);
    }
}
