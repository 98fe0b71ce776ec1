package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise rnn-step: one step of the vanilla (Elman) recurrent cell.
 *
 * <pre>
 *   h_t = tanh(x_t · W_xhᵀ + h_{t-1} · W_hhᵀ + b)
 * </pre>
 * Shapes (a batch of rows, PyTorch's layout): x_t (batch, input), h_{t-1} (batch, hidden), W_xh (hidden, input),
 * W_hh (hidden, hidden), b (1, hidden) added to every row; the result h_t is (batch, hidden).
 *
 * <p>Useful {@link Matrix} methods: {@code matmulT} (this · otherᵀ), {@code add}, {@code addRowVector},
 * {@code map(Math::tanh)}. Do not modify the arguments.
 */
public final class RnnStep {
    private RnnStep() {
    }

    /** Returns h_t for the given input, previous hidden state and weights. */
    public static Matrix step(Matrix x, Matrix hPrev, Matrix wxh, Matrix whh, Matrix b) {
        // TODO: compute the new hidden state
        return null;
    }
}
