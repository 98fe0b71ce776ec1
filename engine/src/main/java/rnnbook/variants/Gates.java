package rnnbook.variants;

import rnnbook.tensor.Matrix;

/** The peephole weights' broadcast: a diagonal weight, one per unit, applied to every row. */
final class Gates {
    private Gates() {
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
