package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/** A wrong solution of gru-step (see mutants.json). */
public final class GruStep {
    private GruStep() {
    }

    public static Matrix step(Matrix x, Matrix hPrev, Matrix wIh, Matrix wHh, Matrix bIh, Matrix bHh) {
        int hidden = hPrev.cols();
        Matrix gi = x.matmulT(wIh).addRowVector(bIh);       // input half, (batch, 3 · hidden)
        Matrix gh = hPrev.matmulT(wHh).addRowVector(bHh);   // recurrent half, (batch, 3 · hidden)
        Matrix h = Matrix.zeros(x.rows(), hidden);
        for (int b = 0; b < x.rows(); b++) {
            for (int j = 0; j < hidden; j++) {
                double z = sigmoid(gi.get(b, j) + gh.get(b, j));   // MUTANT: blocks read as z, r, n
                double r = sigmoid(gi.get(b, hidden + j) + gh.get(b, hidden + j));
                double n = Math.tanh(gi.get(b, 2 * hidden + j) + r * gh.get(b, 2 * hidden + j));
                h.set(b, j, (1 - z) * n + z * hPrev.get(b, j));
            }
        }
        return h;
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }
}
