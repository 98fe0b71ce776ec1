package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/**
 * Public checks of lstm-step (worked by hand): {@code ./book check lstm-step}, Maven or an IDE. One unit, one input.
 * The pre-activations z = [0, ln 3, atanh(0.5), -ln 3] give i = 0.5, f = 3/4, g = 0.5 and o = 1/4; with
 * c_{t-1} = 2 that makes c_t = 0.75·2 + 0.5·0.5 = 1.75 and h_t = 0.25·tanh(1.75).
 */
@Timeout(5)
class LstmStepCheck {
    private static final Matrix Z = Matrix.column(0, Math.log(3), 0.5 * Math.log(3), -Math.log(3));   // atanh(0.5) = ln(3)/2

    private static void expectWorkedExample(Matrix[] out) {
        Expect.notNull(out, "the result {h_t, c_t}");
        Expect.that(out.length == 2, "return exactly two matrices, {h_t, c_t}; got " + out.length);
        Expect.shape("h_t", 1, 1, out[0].rows(), out[0].cols());
        Expect.shape("c_t", 1, 1, out[1].rows(), out[1].cols());
        Expect.near("c_t", 1.75, out[1].get(0, 0), 1e-12, "c_t = f·c_prev + i·g = 0.75·2 + 0.5·0.5 (gate order i, f, g, o)");
        Expect.near("h_t", 0.25 * Math.tanh(1.75), out[0].get(0, 0), 1e-12, "h_t = o·tanh(c_t) with o = 1/4");
    }

    @Test
    @DisplayName("all weights and biases zero: every gate 0.5, the candidate 0")
    void zeros() {
        Matrix[] out = LstmStep.step(Matrix.row(1), Matrix.row(0.3), Matrix.row(1), Matrix.zeros(4, 1),
                Matrix.zeros(4, 1), Matrix.zeros(1, 4));
        Expect.notNull(out, "the result {h_t, c_t}");
        Expect.near("c_t", 0.5, out[1].get(0, 0), 1e-12, "c_t = 0.5·1 + 0.5·0");
        Expect.near("h_t", 0.5 * Math.tanh(0.5), out[0].get(0, 0), 1e-12, "h_t = 0.5·tanh(0.5)");
    }

    @Test
    @DisplayName("the gates reached through x_t · W_ihᵀ (order i, f, g, o)")
    void throughInput() {
        expectWorkedExample(LstmStep.step(Matrix.row(1), Matrix.row(0), Matrix.row(2), Z, Matrix.zeros(4, 1),
                Matrix.zeros(1, 4)));
    }

    @Test
    @DisplayName("the same gates reached through h_{t-1} · W_hhᵀ")
    void throughState() {
        expectWorkedExample(LstmStep.step(Matrix.row(0), Matrix.row(1), Matrix.row(2), Matrix.zeros(4, 1), Z,
                Matrix.zeros(1, 4)));
    }

    @Test
    @DisplayName("the same gates reached through the bias")
    void throughBias() {
        expectWorkedExample(LstmStep.step(Matrix.row(0), Matrix.row(0), Matrix.row(2), Matrix.zeros(4, 1),
                Matrix.zeros(4, 1), Z.transpose()));
    }
}
