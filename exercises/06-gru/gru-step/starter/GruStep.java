package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise gru-step: one step of a GRU in PyTorch's form (chapter 6).
 *
 * <pre>
 *   gi = x · W_ihᵀ + b_ih          (batch, 3 · hidden): the blocks r, z, n side by side, in that order
 *   gh = h_prev · W_hhᵀ + b_hh     (batch, 3 · hidden)
 *   r  = σ(gi_r + gh_r)            reset gate
 *   z  = σ(gi_z + gh_z)            update gate
 *   n  = tanh(gi_n + r ⊙ gh_n)     candidate: the reset gate scales W_hn · h_prev + b_hn, bias included
 *   h  = (1 - z) ⊙ n + z ⊙ h_prev
 * </pre>
 * Shapes: x (batch, input), hPrev (batch, hidden), wIh (3 · hidden, input), wHh (3 · hidden, hidden), bIh and bHh
 * (1, 3 · hidden); rows 0..hidden-1 of a weight belong to r, the next hidden rows to z, the last to n. Returns h
 * (batch, hidden); the arguments are not changed. σ(a) = 1 / (1 + e^(-a)).
 */
public final class GruStep {
    private GruStep() {
    }

    /** The new hidden state h_t, (batch, hidden). */
    public static Matrix step(Matrix x, Matrix hPrev, Matrix wIh, Matrix wHh, Matrix bIh, Matrix bHh) {
        // TODO
        return null;
    }
}
