package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of rnn-step (hand-worked numbers): {@code ./book check rnn-step}, Maven or an IDE. */
@Timeout(5)
class RnnStepCheck {

    @Test
    @DisplayName("a 1-unit cell computed by hand")
    void byHand() {
        // a = 1·0.1 + 2·0.2 + 0.5·0.3 + 0.05 = 0.7, so h = tanh(0.7)
        Matrix h = RnnStep.step(Matrix.row(1, 2), Matrix.row(0.5), Matrix.row(0.1, 0.2), Matrix.row(0.3),
                Matrix.row(0.05));
        Expect.notNull(h, "h_t");
        Expect.shape("h_t", 1, 1, h.rows(), h.cols());
        Expect.near("h_t", Math.tanh(0.7), h.get(0, 0), 1e-12, "h = tanh(x·W_xhᵀ + h_prev·W_hhᵀ + b)");
    }

    @Test
    @DisplayName("a batch of two rows, two hidden units")
    void batch() {
        Matrix x = Matrix.of(new double[] {1, 0}, new double[] {0, 1});
        Matrix hPrev = Matrix.zeros(2, 2);
        Matrix wxh = Matrix.of(new double[] {0.5, 0}, new double[] {0, -0.5});
        Matrix h = RnnStep.step(x, hPrev, wxh, Matrix.identity(2), Matrix.zeros(1, 2));
        Expect.notNull(h, "h_t");
        Expect.shape("h_t", 2, 2, h.rows(), h.cols());
        Expect.close("h_t", new double[] {Math.tanh(0.5), 0, 0, Math.tanh(-0.5)}, h.data(), 2, 1e-12, null);
    }
}
