package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/** Reference solution of bptt. */
public final class Bptt {
    private Bptt() {
    }

    public record Grads(Matrix dWxh, Matrix dWhh, Matrix db) {
    }

    public static Grads backward(Matrix[] xs, Matrix wxh, Matrix whh, Matrix b, Matrix[] dhs) {
        int steps = xs.length;
        int batch = xs[0].rows();
        int hidden = whh.rows();
        Matrix[] hs = new Matrix[steps + 1];   // hs[t] is h_t; hs[0] = h_0 = 0
        hs[0] = Matrix.zeros(batch, hidden);
        for (int t = 1; t <= steps; t++) {
            hs[t] = xs[t - 1].matmulT(wxh).add(hs[t - 1].matmulT(whh)).addRowVector(b).map(Math::tanh);
        }
        Matrix dWxh = Matrix.zeros(whh.rows(), wxh.cols());
        Matrix dWhh = Matrix.zeros(hidden, hidden);
        Matrix db = Matrix.zeros(1, hidden);
        Matrix carried = Matrix.zeros(batch, hidden);
        for (int t = steps; t >= 1; t--) {
            Matrix h = hs[t];
            Matrix da = dhs[t - 1].add(carried);   // MUTANT: the tanh derivative is missing
            dWxh.addInPlace(da.tmatmul(xs[t - 1]));
            dWhh.addInPlace(da.tmatmul(hs[t - 1]));
            db.addInPlace(da.sumRows());
            carried = da.matmul(whh);
        }
        return new Grads(dWxh, dWhh, db);
    }
}
