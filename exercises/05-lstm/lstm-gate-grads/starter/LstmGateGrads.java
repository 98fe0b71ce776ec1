package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise lstm-gate-grads: one LSTM step backward, from dh_t and dc_t to the gates' pre-activations and c_{t-1}.
 *
 * <p>The forward step was i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o), c_t = f ⊙ c_{t-1} + i ⊙ g and
 * h_t = o ⊙ tanh(c_t). Given the gradient dh_t of the loss with respect to h_t and dc_t with respect to c_t (what
 * the next step passed back; zero at the last step):
 * <pre>
 *   dc   = dc_t + dh_t ⊙ o ⊙ (1 - tanh²(c_t))        the total gradient reaching c_t
 *   dz_i = dc ⊙ g ⊙ i ⊙ (1 - i)
 *   dz_f = dc ⊙ c_{t-1} ⊙ f ⊙ (1 - f)
 *   dz_g = dc ⊙ i ⊙ (1 - g²)
 *   dz_o = dh_t ⊙ tanh(c_t) ⊙ o ⊙ (1 - o)
 *   dc_{t-1} = dc ⊙ f                                 the additive path: through the forget gate only
 * </pre>
 * Shapes: every argument is (batch, n). Return {dz, dc_{t-1}} with dz (batch, 4n) = [dz_i, dz_f, dz_g, dz_o] side
 * by side in PyTorch's order, and dc_{t-1} (batch, n). Useful {@link Matrix} methods: {@code mul} (elementwise),
 * {@code add}, {@code map}, {@code get}/{@code set}, {@code Matrix.zeros}. Do not modify the arguments.
 */
public final class LstmGateGrads {
    private LstmGateGrads() {
    }

    /** Returns {dz (batch, 4n), dc_{t-1} (batch, n)}. */
    public static Matrix[] backward(Matrix i, Matrix f, Matrix g, Matrix o, Matrix cPrev, Matrix c, Matrix dh,
                                    Matrix dc) {
        // TODO: the total gradient at c_t, then the four gates' pre-activation gradients and dc_{t-1}
        return null;
    }
}
