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
 * Hidden tests of lstm-gate-grads. Each builds a forward step from seeded gates (the inputs, not an answer), runs
 * the submission and records what it returned; the grader compares with the reference solution's records.
 */
@Timeout(5)
class LstmGateGradsGraded {
    private static Matrix random(Random rng, int rows, int cols, double scale) {
        double[] d = new double[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = scale * rng.nextGaussian();
        }
        return Matrix.wrap(rows, cols, d);
    }

    /** {dz, dc_prev} of the submission for a random step of (batch, n), with dh and dc scaled by the arguments. */
    private static Matrix[] randomStep(long seed, int batch, int n, double dhScale, double dcScale) {
        Random rng = new Random(seed);
        Matrix i = random(rng, batch, n, 1).map(a -> 1 / (1 + Math.exp(-a)));
        Matrix f = random(rng, batch, n, 1).map(a -> 1 / (1 + Math.exp(-a)));
        Matrix g = random(rng, batch, n, 1).map(Math::tanh);
        Matrix o = random(rng, batch, n, 1).map(a -> 1 / (1 + Math.exp(-a)));
        Matrix cPrev = random(rng, batch, n, 1.5);
        Matrix c = f.mul(cPrev).add(i.mul(g));
        return LstmGateGrads.backward(i, f, g, o, cPrev, c, random(rng, batch, n, dhScale),
                random(rng, batch, n, dcScale));
    }

    private static Matrix part(Matrix[] out, int k) {
        return out == null || out.length <= k ? null : out[k];
    }

    @Test
    @DisplayName("dz is (batch, 4n) and dc_{t-1} (batch, n)")
    @Points(1)
    void a_shape() {
        Matrix[] out = randomStep(61, 3, 5, 1, 1);
        Record.shape("dz", part(out, 0));
        Record.shape("dc_prev", part(out, 1));
    }

    @Test
    @DisplayName("dz at the last step (dc_t = 0): everything comes through h_t")
    @Points(3)
    @Hint("dz_o uses tanh(c_t), and the forget gate's gradient uses c_{t-1}, not c_t")
    void b_onlyHidden() {
        Record.value("dz", part(randomStep(62, 2, 4, 1, 0), 0));
    }

    @Test
    @DisplayName("dz when only dc_t arrives (dh_t = 0)")
    @Points(2)
    @Hint("dc_t from the next step adds to the gradient reaching c_t")
    void c_onlyCell() {
        Record.value("dz", part(randomStep(63, 2, 4, 0, 1), 0));
    }

    @Test
    @DisplayName("dz with both dh_t and dc_t")
    @Points(2)
    void d_both() {
        Record.value("dz", part(randomStep(64, 3, 3, 1, 1), 0));
    }

    @Test
    @DisplayName("dc_{t-1}: the additive path back through the forget gate")
    @Points(2)
    @Hint("dc_{t-1} = (dc_t + dh_t ⊙ o ⊙ (1 - tanh²(c_t))) ⊙ f")
    void e_cellPath() {
        Record.value("dc_prev", part(randomStep(65, 3, 3, 1, 1), 1));
    }

    @Test
    @DisplayName("the arguments are left unchanged")
    @Points(1)
    @Hint("use methods that return a new Matrix (mul, not mulInPlace)")
    void f_untouched() {
        Random rng = new Random(66);
        Matrix i = random(rng, 2, 2, 0.2).map(a -> 0.5 + a / 4);
        Matrix f = random(rng, 2, 2, 0.2).map(a -> 0.5 + a / 4);
        Matrix g = random(rng, 2, 2, 0.5).map(Math::tanh);
        Matrix o = random(rng, 2, 2, 0.2).map(a -> 0.5 + a / 4);
        Matrix cPrev = random(rng, 2, 2, 1);
        Matrix c = random(rng, 2, 2, 1);
        Matrix dh = random(rng, 2, 2, 1);
        Matrix dc = random(rng, 2, 2, 1);
        Record.value("was a result returned?", LstmGateGrads.backward(i, f, g, o, cPrev, c, dh, dc) != null);
        Record.value("i after the call", i);
        Record.value("f after the call", f);
        Record.value("c after the call", c);
        Record.value("dh after the call", dh);
        Record.value("dc after the call", dc);
    }
}
