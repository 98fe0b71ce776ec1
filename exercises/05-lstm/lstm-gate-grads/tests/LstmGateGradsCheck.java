package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/**
 * Public checks of lstm-gate-grads (worked by hand): {@code ./book check lstm-gate-grads}, Maven or an IDE. One unit,
 * the step of the lstm-step checks: i = 0.5, f = 0.75, g = 0.5, o = 0.25, c_{t-1} = 2, c_t = 1.75.
 */
@Timeout(5)
class LstmGateGradsCheck {
    private static Matrix[] run(double dh, double dc) {
        Matrix[] out = LstmGateGrads.backward(Matrix.row(0.5), Matrix.row(0.75), Matrix.row(0.5), Matrix.row(0.25),
                Matrix.row(2), Matrix.row(1.75), Matrix.row(dh), Matrix.row(dc));
        Expect.notNull(out, "the result {dz, dc_prev}");
        Expect.that(out.length == 2, "return exactly two matrices, {dz, dc_prev}; got " + out.length);
        Expect.shape("dz", 1, 4, out[0].rows(), out[0].cols());
        Expect.shape("dc_prev", 1, 1, out[1].rows(), out[1].cols());
        return out;
    }

    @Test
    @DisplayName("only dc_t = 1 arrives: the carousel's gradients")
    void onlyCell() {
        // dc = 1; dz_i = 1·0.5·0.25, dz_f = 1·2·0.1875, dz_g = 1·0.5·0.75, dz_o = 0 (dh = 0); dc_prev = 1·0.75
        Matrix[] out = run(0, 1);
        Expect.close("dz = [dz_i, dz_f, dz_g, dz_o]", new double[] {0.125, 0.375, 0.375, 0}, out[0].data(), 4, 1e-12,
                "dz_i = dc·g·i(1-i), dz_f = dc·c_prev·f(1-f), dz_g = dc·i·(1-g²), dz_o = dh·tanh(c)·o(1-o)");
        Expect.near("dc_prev", 0.75, out[1].get(0, 0), 1e-12, "dc_prev = dc ⊙ f");
    }

    @Test
    @DisplayName("only dh_t = 1 arrives: through the output gate and tanh(c_t)")
    void onlyHidden() {
        double t = Math.tanh(1.75);
        double dc = 0.25 * (1 - t * t);   // dh·o·(1 - tanh²(c))
        Matrix[] out = run(1, 0);
        Expect.close("dz = [dz_i, dz_f, dz_g, dz_o]",
                new double[] {dc * 0.5 * 0.25, dc * 2 * 0.1875, dc * 0.5 * 0.75, t * 0.1875}, out[0].data(), 4, 1e-12,
                "the total gradient at c_t is dc_t + dh_t·o·(1 - tanh²(c_t))");
        Expect.near("dc_prev", dc * 0.75, out[1].get(0, 0), 1e-12, "dc_prev = dc ⊙ f");
    }
}
