package rnnbook.variants;

import rnnbook.tensor.Matrix;

/** Elementwise helpers for gated cells, on whole matrices of equal shape. */
final class Gates {
    private Gates() {
    }

    static Matrix sigmoid(Matrix a) {
        return a.map(v -> v >= 0 ? 1.0 / (1.0 + Math.exp(-v)) : Math.exp(v) / (1.0 + Math.exp(v)));
    }

    static Matrix tanh(Matrix a) {
        return a.map(Math::tanh);
    }

    /** dL/da for y = σ(a): dy ⊙ y (1 - y). */
    static Matrix sigmoidBackward(Matrix dy, Matrix y) {
        Matrix out = dy.copy();
        double[] o = out.data();
        double[] yd = y.data();
        for (int i = 0; i < o.length; i++) {
            o[i] *= yd[i] * (1 - yd[i]);
        }
        return out;
    }

    /** dL/da for y = tanh(a): dy ⊙ (1 - y²). */
    static Matrix tanhBackward(Matrix dy, Matrix y) {
        Matrix out = dy.copy();
        double[] o = out.data();
        double[] yd = y.data();
        for (int i = 0; i < o.length; i++) {
            o[i] *= 1 - yd[i] * yd[i];
        }
        return out;
    }

    /** m ⊙ w for a (1, n) row vector w broadcast over the rows of m (a diagonal peephole weight). */
    static Matrix timesRow(Matrix m, Matrix w) {
        Matrix out = m.copy();
        int n = m.cols();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < n; j++) {
                out.data()[i * n + j] *= w.data()[j];
            }
        }
        return out;
    }
}
