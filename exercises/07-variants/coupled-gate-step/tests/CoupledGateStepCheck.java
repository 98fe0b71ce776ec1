package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of coupled-gate-step (worked by hand): {@code ./book check coupled-gate-step}, Maven or an IDE. */
@Timeout(5)
class CoupledGateStepCheck {

    @Test
    @DisplayName("one unit, weights zero: i = f = 0.5, g = tanh(ln 3) = 0.8, so c = 0.5·1 + 0.5·0.8 = 0.9")
    void byHand() {
        // a_i = 0 gives i = 0.5 and f = 1 - i = 0.5; tanh(ln 3) = (3 - 1/3) / (3 + 1/3) = 0.8; a_o = 0 gives o = 0.5
        Matrix[] hc = CoupledGateStep.step(Matrix.row(7), Matrix.row(0.3), Matrix.row(1), Matrix.zeros(3, 1),
                Matrix.zeros(3, 1), Matrix.row(0, Math.log(3), 0));
        Expect.notNull(hc, "{h_t, c_t}");
        Expect.that(hc.length == 2, "step returns {h_t, c_t}, two matrices, got " + hc.length);
        Expect.shape("c_t", 1, 1, hc[1].rows(), hc[1].cols());
        Expect.near("c_t", 0.9, hc[1].get(0, 0), 1e-12, "c = (1 - i)·c_prev + i·g");
        Expect.near("h_t", 0.5 * Math.tanh(0.9), hh(hc), 1e-12, "h = o·tanh(c)");
    }

    @Test
    @DisplayName("an input gate wide open (a_i = ln 3, i = 0.75) lets in three quarters and keeps a quarter")
    void weightsByHand() {
        // x = 2 and W_ih = (ln 3 / 2, 0, 0)ᵀ give a_i = ln 3, so i = 1 / (1 + 1/3) = 0.75 and f = 0.25;
        // h_prev = 1 and W_hh = (0, ln 3, 0)ᵀ give a_g = ln 3, g = 0.8; a_o = 0, o = 0.5
        Matrix wIh = Matrix.column(Math.log(3) / 2, 0, 0);
        Matrix wHh = Matrix.column(0, Math.log(3), 0);
        Matrix[] hc = CoupledGateStep.step(Matrix.row(2), Matrix.row(1), Matrix.row(-2), wIh, wHh,
                Matrix.zeros(1, 3));
        Expect.notNull(hc, "{h_t, c_t}");
        double c = 0.25 * -2 + 0.75 * 0.8;   // = 0.1
        Expect.near("c_t", c, hc[1].get(0, 0), 1e-12, "f = 1 - i: the forget gate is 0.25 here");
        Expect.near("h_t", 0.5 * Math.tanh(c), hh(hc), 1e-12, null);
    }

    private static double hh(Matrix[] hc) {
        Expect.notNull(hc[0], "h_t");
        return hc[0].get(0, 0);
    }
}
