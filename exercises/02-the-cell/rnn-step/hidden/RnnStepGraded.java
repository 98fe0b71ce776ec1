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
 * Hidden tests of rnn-step. Each runs the submission on seeded inputs and records what it returned; the grader
 * compares that with what the same test recorded against the reference solution.
 */
@Timeout(5)
class RnnStepGraded {
    private static Matrix random(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * rng.nextGaussian();
        }
        return Matrix.wrap(rows, cols, d);
    }

    @Test
    @DisplayName("h_t has shape (batch, hidden) when input and hidden sizes differ")
    @Points(1)
    void a_shape() {
        Random rng = new Random(11);
        Record.shape("h_t", RnnStep.step(random(rng, 3, 4, 1), random(rng, 3, 5, 1), random(rng, 5, 4, 0.5),
                random(rng, 5, 5, 0.5), random(rng, 1, 5, 0.5)));
    }

    @Test
    @DisplayName("first step (h_{t-1} = 0): input, weights, bias and activation")
    @Points(2)
    @Hint("with h_{t-1} = 0 only x_t · W_xhᵀ + b (added once) and tanh remain")
    void b_zeroState() {
        Random rng = new Random(12);
        Matrix x = random(rng, 2, 3, 1);
        Matrix wxh = random(rng, 4, 3, 0.7);
        Matrix whh = random(rng, 4, 4, 0.7);
        Matrix b = random(rng, 1, 4, 0.5);
        Record.value("h_t after a first step", RnnStep.step(x, Matrix.zeros(2, 4), wxh, whh, b));
    }

    @Test
    @DisplayName("a step with a non-zero previous state")
    @Points(3)
    @Hint("the previous state enters as h_{t-1} · W_hhᵀ (row i of W_hh holds the weights into unit i)")
    void c_recurrence() {
        Random rng = new Random(13);
        Matrix x = random(rng, 3, 2, 1);
        Matrix hPrev = random(rng, 3, 4, 0.8);
        Matrix wxh = random(rng, 4, 2, 0.7);
        Matrix whh = random(rng, 4, 4, 0.7);
        Matrix b = random(rng, 1, 4, 0.5);
        Record.value("h_t", RnnStep.step(x, hPrev, wxh, whh, b));
    }

    @Test
    @DisplayName("the hidden state stays inside (-1, 1) for large inputs")
    @Points(1)
    @Hint("tanh bounds every unit")
    void d_bounded() {
        Random rng = new Random(14);
        Matrix h = RnnStep.step(random(rng, 4, 3, 20), random(rng, 4, 3, 0.5), random(rng, 3, 3, 3),
                random(rng, 3, 3, 1), random(rng, 1, 3, 1));
        Boolean inside = null;
        if (h != null) {
            inside = true;
            for (double v : h.data()) {
                inside &= v >= -1 && v <= 1;
            }
        }
        Record.value("is every entry of h_t inside [-1, 1]?", inside);
    }

    @Test
    @DisplayName("six steps fed back into themselves match the unrolled reference")
    @Points(2)
    @Hint("errors in one step compound over the sequence")
    void e_sequence() {
        Random rng = new Random(15);
        Matrix wxh = random(rng, 3, 2, 0.8);
        Matrix whh = random(rng, 3, 3, 0.8);
        Matrix b = random(rng, 1, 3, 0.4);
        Matrix h = Matrix.zeros(2, 3);
        for (int t = 0; t < 6 && h != null; t++) {
            h = RnnStep.step(random(rng, 2, 2, 1), h, wxh, whh, b);
        }
        Record.value("the final hidden state", h);
    }

    @Test
    @DisplayName("the arguments are left unchanged")
    @Points(1)
    @Hint("use methods that return a new Matrix (add, not addInPlace)")
    void f_untouched() {
        Random rng = new Random(16);
        Matrix x = random(rng, 2, 3, 1);
        Matrix hPrev = random(rng, 2, 2, 1);
        Matrix wxh = random(rng, 2, 3, 1);
        Matrix whh = random(rng, 2, 2, 1);
        Matrix b = random(rng, 1, 2, 1);
        Record.value("was a result returned?", RnnStep.step(x, hPrev, wxh, whh, b) != null);
        Record.value("x after the call", x);
        Record.value("hPrev after the call", hPrev);
        Record.value("wxh after the call", wxh);
        Record.value("whh after the call", whh);
        Record.value("b after the call", b);
    }
}
