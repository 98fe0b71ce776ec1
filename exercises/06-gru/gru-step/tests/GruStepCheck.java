package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of gru-step (worked by hand): {@code ./book check gru-step}, Maven or an IDE. */
@Timeout(5)
class GruStepCheck {

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    @Test
    @DisplayName("all weights zero: both gates are one half, the candidate is 0, so h = h_prev / 2")
    void zeroWeights() {
        Matrix hPrev = Matrix.of(new double[] {0.8, -0.4, 0.2}, new double[] {-1, 0, 0.6});
        Matrix h = GruStep.step(Matrix.zeros(2, 4), hPrev, Matrix.zeros(9, 4), Matrix.zeros(9, 3),
                Matrix.zeros(1, 9), Matrix.zeros(1, 9));
        Expect.notNull(h, "h_t");
        Expect.shape("h_t", 2, 3, h.rows(), h.cols());
        Expect.close("h_t", new double[] {0.4, -0.2, 0.1, -0.5, 0, 0.3}, h.data(), 3, 1e-12,
                "σ(0) = 1/2 and tanh(0) = 0, so h = (1 - 1/2)·0 + 1/2·h_prev");
    }

    @Test
    @DisplayName("one input, one unit, worked by hand")
    void oneUnit() {
        // W_ih = [0.5; -1; 2] (r, z, n), W_hh = [1; 0.5; -0.5], b_ih = [0, 0.1, 0], b_hh = [0.2, 0, 0.3]; x = 1, h = 0.5
        double r = sigmoid(0.5 + 0.5 + 0.2);                 // σ(1.2)
        double z = sigmoid(-1 + 0.1 + 0.25);                 // σ(-0.65)
        double n = Math.tanh(2 + r * (-0.25 + 0.3));         // the reset gate scales W_hn·h + b_hn = 0.05
        Matrix h = GruStep.step(Matrix.row(1), Matrix.row(0.5), Matrix.column(0.5, -1, 2), Matrix.column(1, 0.5, -0.5),
                Matrix.row(0, 0.1, 0), Matrix.row(0.2, 0, 0.3));
        Expect.notNull(h, "h_t");
        Expect.shape("h_t", 1, 1, h.rows(), h.cols());
        Expect.near("h_t", (1 - z) * n + z * 0.5, h.get(0, 0), 1e-12,
                "r = σ(1.2), z = σ(-0.65), n = tanh(2 + r·0.05), h = (1 - z)·n + z·0.5");
    }

    @Test
    @DisplayName("a large update-gate bias keeps the old state")
    void keeps() {
        // b_iz = 40 makes z = 1 to double precision whatever else happens: h = h_prev
        Matrix bIh = Matrix.row(0, 0, 40, 40, 0, 0);
        Matrix h = GruStep.step(Matrix.row(3), Matrix.row(0.25, -0.75), Matrix.column(1, -1, 1, 1, 2, -2),
                Matrix.filled(6, 2, 0.5), bIh, Matrix.zeros(1, 6));
        Expect.notNull(h, "h_t");
        Expect.close("h_t", new double[] {0.25, -0.75}, h.data(), 2, 1e-12,
                "z ≈ 1 means keep: h = (1 - z)·n + z·h_prev");
    }
}
