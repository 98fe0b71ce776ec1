package rnnbook.nn;

import rnnbook.tensor.Matrix;
import rnnbook.tensor.Pointwise;

/**
 * Helpers for sequences in the (seq, batch, features) layout, held as {@code Matrix[]} indexed by time.
 */
public final class Sequences {
    private Sequences() {
    }

    /** Checks a sequence is non-empty, finite, and that every step has shape (batch, features). */
    public static void require(String what, Matrix[] xs, int features) {
        if (xs == null || xs.length == 0) {
            throw new IllegalArgumentException(what + ": empty sequence (need at least one time step)");
        }
        int batch = xs[0] == null ? -1 : xs[0].rows();
        for (int t = 0; t < xs.length; t++) {
            if (xs[t] == null) {
                throw new IllegalArgumentException(what + ": time step " + t + " is null");
            }
            if (xs[t].rows() != batch || xs[t].cols() != features) {
                throw new IllegalArgumentException(what + ": time step " + t + " has shape " + xs[t].shape()
                        + ", expected (" + batch + ", " + features + ") like step 0 with " + features
                        + " features");
            }
            requireFinite(what + " at time step " + t, xs[t]);
        }
    }

    /** Throws naming the first non-finite entry. */
    public static void requireFinite(String what, Matrix m) {
        double[] d = m.data();
        if (Pointwise.allFinite(d)) {
            return;   // the usual case, checked without a branch per entry; otherwise find the first bad one
        }
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException(what + ": entry (" + (i / m.cols()) + ", " + (i % m.cols())
                        + ") is " + d[i]);
            }
        }
    }

    /** (seq) x (batch, f) to one (seq * batch, f) matrix; row t * batch + b is step t, example b. */
    public static Matrix stack(Matrix[] xs) {
        int batch = xs[0].rows();
        int f = xs[0].cols();
        Matrix out = Matrix.zeros(xs.length * batch, f);
        for (int t = 0; t < xs.length; t++) {
            xs[t].requireShape("stack: time step " + t, batch, f);
            System.arraycopy(xs[t].data(), 0, out.data(), t * batch * f, batch * f);
        }
        return out;
    }

    /** The inverse of {@link #stack}: (seq * batch, f) to seq matrices (batch, f). */
    public static Matrix[] split(Matrix stacked, int seq) {
        if (seq <= 0 || stacked.rows() % seq != 0) {
            throw new IllegalArgumentException("split: " + stacked.rows() + " rows do not divide into " + seq
                    + " time steps");
        }
        int batch = stacked.rows() / seq;
        int f = stacked.cols();
        Matrix[] out = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            out[t] = Matrix.zeros(batch, f);
            System.arraycopy(stacked.data(), t * batch * f, out[t].data(), 0, batch * f);
        }
        return out;
    }

    /** One-hot rows: ids of length batch to (batch, size). */
    public static Matrix oneHot(int[] ids, int size) {
        Matrix m = Matrix.zeros(ids.length, size);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= size) {
                throw new IllegalArgumentException("oneHot: id " + ids[i] + " at position " + i
                        + " is outside 0.." + (size - 1));
            }
            m.data()[i * size + ids[i]] = 1.0;
        }
        return m;
    }
}
