package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise bptt: the gradients of the shared weights of a vanilla RNN, by backpropagation through time.
 *
 * <p>Forward, from h_0 = 0 (batch, hidden), for t = 1..T:
 * <pre>
 *   h_t = tanh(x_t · W_xhᵀ + h_{t-1} · W_hhᵀ + b)
 * </pre>
 * The loss L depends on the hidden states; {@code dhs[t-1]} holds ∂L/∂h_t coming straight from the loss at step t
 * (batch, hidden) (zero where a step has no loss). Backward, for t = T down to 1, with g_{T+1} = 0:
 * <pre>
 *   da_t   = (∂L/∂h_t + carried_t) ⊙ (1 - h_t²)          the tanh derivative
 *   dW_xh += da_tᵀ · x_t        dW_hh += da_tᵀ · h_{t-1}        db += Σ_rows da_t
 *   carried_{t-1} = da_t · W_hh                            what flows back into h_{t-1}
 * </pre>
 * The weights are shared by every step, so their gradients are the sums of the per-step contributions.
 * Shapes: xs[t] (batch, input), W_xh (hidden, input), W_hh (hidden, hidden), b (1, hidden); the gradients have
 * the shapes of their weights. Do not modify the arguments.
 */
public final class Bptt {
    private Bptt() {
    }

    /** The three weight gradients. */
    public record Grads(Matrix dWxh, Matrix dWhh, Matrix db) {
    }

    /** Runs the forward pass over xs, then BPTT with the loss gradients dhs; returns dL/dW_xh, dL/dW_hh, dL/db. */
    public static Grads backward(Matrix[] xs, Matrix wxh, Matrix whh, Matrix b, Matrix[] dhs) {
        // TODO
        return null;
    }
}
