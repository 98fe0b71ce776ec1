package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/** Exercise lstm-gate-grads: one LSTM step backward (reference solution). */
public final class LstmGateGrads {
    private LstmGateGrads() {
    }

    /** Returns {dz (batch, 4n), dc_{t-1} (batch, n)}. */
    public static Matrix[] backward(Matrix i, Matrix f, Matrix g, Matrix o, Matrix cPrev, Matrix c, Matrix dh,
                                    Matrix dc) {
        Matrix tanhC = c.map(Math::tanh);
        Matrix dcTotal = dc.add(dh.mul(o).mul(tanhC.map(t -> 1 - t * t)));
        Matrix dzInput = dcTotal.mul(g).mul(i.map(v -> v * (1 - v)));
        Matrix dzForget = dcTotal.mul(cPrev).mul(f.map(v -> v * (1 - v)));
        Matrix dzCandidate = dcTotal.mul(i).mul(g.map(v -> 1 - v * v));
        Matrix dzOutput = dh.mul(c).mul(o.map(v -> v * (1 - v)));   // MUTANT: c_t instead of tanh(c_t)
        Matrix dcPrev = dcTotal.mul(f);
        return new Matrix[] {join(dzInput, dzForget, dzCandidate, dzOutput), dcPrev};
    }

    /** The blocks side by side: (batch, n) each, (batch, k·n) together. */
    private static Matrix join(Matrix... blocks) {
        int n = blocks[0].cols();
        Matrix out = Matrix.zeros(blocks[0].rows(), blocks.length * n);
        for (int k = 0; k < blocks.length; k++) {
            for (int r = 0; r < out.rows(); r++) {
                for (int j = 0; j < n; j++) {
                    out.set(r, k * n + j, blocks[k].get(r, j));
                }
            }
        }
        return out;
    }
}
