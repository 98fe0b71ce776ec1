package rnnbook.exercises;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/**
 * Hidden tests of bptt: the submission's gradients on seeded problems, recorded; the grader compares them with the
 * reference solution's gradients for the same problems.
 */
@Timeout(5)
class BpttGraded {
    private static Matrix random(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * rng.nextGaussian();
        }
        return Matrix.wrap(rows, cols, d);
    }

    /** The submission's gradients for a seeded problem; {@code lossAt} says which steps carry a loss. */
    private static Bptt.Grads run(long seed, int steps, int batch, int input, int hidden, boolean[] lossAt) {
        Random rng = new Random(seed);
        Matrix[] xs = new Matrix[steps];
        Matrix[] dhs = new Matrix[steps];
        for (int t = 0; t < steps; t++) {
            xs[t] = random(rng, batch, input, 1);
            dhs[t] = lossAt[t] ? random(rng, batch, hidden, 1) : Matrix.zeros(batch, hidden);
        }
        return Bptt.backward(xs, random(rng, hidden, input, 0.6), random(rng, hidden, hidden, 0.6),
                random(rng, 1, hidden, 0.4), dhs);
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }

    private static void record(Bptt.Grads g, boolean xh, boolean hh, boolean db) {
        if (xh) {
            Record.value("dW_xh", g == null ? null : g.dWxh());
        }
        if (hh) {
            Record.value("dW_hh", g == null ? null : g.dWhh());
        }
        if (db) {
            Record.value("db", g == null ? null : g.db());
        }
    }

    @Test
    @DisplayName("the gradients have the shapes of their weights")
    @Points(1)
    void a_shapes() {
        Bptt.Grads g = run(41, 3, 2, 3, 4, all(3));
        Record.shape("dW_xh", g == null ? null : g.dWxh());
        Record.shape("dW_hh", g == null ? null : g.dWhh());
        Record.shape("db", g == null ? null : g.db());
    }

    @Test
    @DisplayName("a single step: the tanh derivative and the role of h_0")
    @Points(2)
    @Hint("da = dh ⊙ (1 - h²); step t multiplies da_t by the state it read, h_{t-1}")
    void b_singleStep() {
        record(run(42, 1, 3, 2, 3, all(1)), true, true, true);
    }

    @Test
    @DisplayName("dW_xh when only the last step has a loss (the error must flow back in time)")
    @Points(2)
    @Hint("earlier inputs get credit only through da_t · W_hh carried into h_{t-1}")
    void c_lastStepLoss() {
        boolean[] lossAt = new boolean[5];
        lossAt[4] = true;
        record(run(43, 5, 2, 3, 3, lossAt), true, false, false);
    }

    @Test
    @DisplayName("dW_hh summed over five steps")
    @Points(3)
    @Hint("add every step's da_tᵀ · h_{t-1} into the one shared gradient")
    void d_dWhh() {
        record(run(44, 5, 2, 2, 4, all(5)), false, true, false);
    }

    @Test
    @DisplayName("db summed over five steps")
    @Points(2)
    @Hint("db is the sum over steps and rows of da_t")
    void e_db() {
        record(run(45, 5, 3, 2, 3, all(5)), false, false, true);
    }

    @Test
    @DisplayName("all three gradients of a three-step problem")
    @Points(2)
    void f_numerical() {
        record(run(46, 3, 2, 2, 3, all(3)), true, true, true);
    }
}
