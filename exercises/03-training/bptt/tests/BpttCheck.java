package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of bptt (worked by hand): {@code ./book check bptt}, Maven or an IDE. */
@Timeout(5)
class BpttCheck {

    @Test
    @DisplayName("two steps of a one-unit cell, worked by hand")
    void twoStepsByHand() {
        // W_xh = 0.5, W_hh = 0.8, b = 0, x = (1, 2), loss only at step 2 with ∂L/∂h_2 = 1
        Matrix[] xs = {Matrix.row(1), Matrix.row(2)};
        Matrix[] dhs = {Matrix.row(0), Matrix.row(1)};
        Bptt.Grads g = Bptt.backward(xs, Matrix.row(0.5), Matrix.row(0.8), Matrix.row(0), dhs);
        Expect.notNull(g, "the gradients");
        Expect.notNull(g.dWxh(), "dW_xh");
        Expect.notNull(g.dWhh(), "dW_hh");
        Expect.notNull(g.db(), "db");
        double h1 = Math.tanh(0.5);
        double h2 = Math.tanh(0.5 * 2 + 0.8 * h1);
        double da2 = 1 - h2 * h2;                 // step 2
        double da1 = da2 * 0.8 * (1 - h1 * h1);    // carried back through W_hh into step 1
        Expect.near("dW_xh", da2 * 2 + da1 * 1, g.dWxh().get(0, 0), 1e-12, "sum of da_t · x_t");
        Expect.near("dW_hh", da2 * h1 + da1 * 0, g.dWhh().get(0, 0), 1e-12, "sum of da_t · h_{t-1}, h_0 = 0");
        Expect.near("db", da2 + da1, g.db().get(0, 0), 1e-12, "sum of da_t");
    }
}
