package rnnbook.exercises;

// MUTANT: h = o·c, the output activation left out (Greff's NOAF)

import rnnbook.tensor.Matrix;

/**
 * Exercise coupled-gate-step: one step of Greff et al.'s CIFG LSTM, whose forget gate is one minus its input gate.
 *
 * <pre>
 *   [a_i, a_g, a_o] = x · W_ihᵀ + h_{t-1} · W_hhᵀ + b          gate order i, g, o (no forget block)
 *   i = σ(a_i)      f = 1 - i      g = tanh(a_g)      o = σ(a_o)         σ(a) = 1 / (1 + e^(-a))
 *   c_t = f ⊙ c_{t-1} + i ⊙ g
 *   h_t = o ⊙ tanh(c_t)
 * </pre>
 * Shapes: x (batch, input), hPrev and cPrev (batch, hidden), W_ih (3 hidden, input), W_hh (3 hidden, hidden),
 * b (1, 3 hidden), added to every row. Block k of the gates is columns k·hidden to (k + 1)·hidden of the
 * pre-activation. Returns {h_t, c_t}, new matrices; the inputs are not changed.
 */
public final class CoupledGateStep {
    private CoupledGateStep() {
    }

    /** {h_t, c_t}, each (batch, hidden). */
    public static Matrix[] step(Matrix x, Matrix hPrev, Matrix cPrev, Matrix wIh, Matrix wHh, Matrix b) {
        int batch = x.rows();
        int n = hPrev.cols();
        Matrix a = x.matmulT(wIh).addMatmul(hPrev, false, wHh, true).addRowVectorInPlace(b);
        Matrix h = Matrix.zeros(batch, n);
        Matrix c = Matrix.zeros(batch, n);
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < n; j++) {
                double i = sigmoid(a.get(r, j));
                double f = 1 - i;                       // the coupling: what is let in is what is forgotten
                double g = Math.tanh(a.get(r, n + j));
                double o = sigmoid(a.get(r, 2 * n + j));
                double cell = f * cPrev.get(r, j) + i * g;
                c.set(r, j, cell);
                h.set(r, j, o * cell);
            }
        }
        return new Matrix[] {h, c};
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
