package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise lstm-step: one step of the LSTM cell forward, in PyTorch's layout.
 *
 * <pre>
 *   z = x_t · W_ihᵀ + h_{t-1} · W_hhᵀ + b          (batch, 4n): four blocks of n columns, in the order i, f, g, o
 *   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g
 *   h_t = o ⊙ tanh(c_t)
 * </pre>
 * σ(a) = 1 / (1 + e^(-a)) and ⊙ is the elementwise product. Shapes: x_t (batch, input), h_{t-1} and c_{t-1}
 * (batch, n), W_ih (4n, input), W_hh (4n, n), b (1, 4n) added to every row (PyTorch's bias_ih + bias_hh).
 * Columns 0 .. n-1 of z belong to the input gate, n .. 2n-1 to the forget gate, 2n .. 3n-1 to the candidate and
 * 3n .. 4n-1 to the output gate.
 *
 * <p>Useful {@link Matrix} methods: {@code matmulT} (this · otherᵀ), {@code add}, {@code addRowVector},
 * {@code mul} (elementwise), {@code map}, {@code get}/{@code set}, {@code Matrix.zeros}. Do not modify the arguments.
 */
public final class LstmStep {
    private LstmStep() {
    }

    /** Returns {h_t, c_t}, each (batch, n). */
    public static Matrix[] step(Matrix x, Matrix hPrev, Matrix cPrev, Matrix wih, Matrix whh, Matrix b) {
        // TODO: compute the four gates, then c_t and h_t
        return null;
    }
}
