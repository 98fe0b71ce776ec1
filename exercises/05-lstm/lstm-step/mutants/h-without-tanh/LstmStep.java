package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise lstm-step: one step of the LSTM cell forward, in PyTorch's layout (reference solution).
 *
 * <pre>
 *   z = x_t · W_ihᵀ + h_{t-1} · W_hhᵀ + b          (batch, 4n): blocks i, f, g, o
 *   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
 *   c_t = f ⊙ c_{t-1} + i ⊙ g
 *   h_t = o ⊙ tanh(c_t)
 * </pre>
 */
public final class LstmStep {
    private LstmStep() {
    }

    /** Returns {h_t, c_t}, each (batch, n). */
    public static Matrix[] step(Matrix x, Matrix hPrev, Matrix cPrev, Matrix wih, Matrix whh, Matrix b) {
        int n = hPrev.cols();
        Matrix z = x.matmulT(wih).add(hPrev.matmulT(whh)).addRowVector(b);
        Matrix input = block(z, 0, n).map(LstmStep::sigmoid);
        Matrix forget = block(z, 1, n).map(LstmStep::sigmoid);
        Matrix candidate = block(z, 2, n).map(Math::tanh);
        Matrix output = block(z, 3, n).map(LstmStep::sigmoid);
        Matrix c = forget.mul(cPrev).add(input.mul(candidate));
        Matrix h = output.mul(c);   // MUTANT: h_t = o * c_t, no tanh
        return new Matrix[] {h, c};
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** Columns k·n .. (k+1)·n - 1 of z. */
    private static Matrix block(Matrix z, int k, int n) {
        Matrix out = Matrix.zeros(z.rows(), n);
        for (int r = 0; r < z.rows(); r++) {
            for (int j = 0; j < n; j++) {
                out.set(r, j, z.get(r, k * n + j));
            }
        }
        return out;
    }
}
