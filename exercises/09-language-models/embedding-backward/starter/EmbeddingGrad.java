package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise embedding-backward: the lookup table of chapter 9 and its gradient.
 *
 * <p>An embedding is a table E of shape (V, d), one row per token. {@code lookup} turns n ids into the (n, d)
 * matrix whose row i is row ids[i] of E. {@code backward} takes dL/d(out), shape (n, d), and returns dL/dE, shape
 * (V, d):
 * <pre>
 *   dE[v] = sum over every i with ids[i] = v of dOut[i]        (a scatter-add)
 * </pre>
 * so a row looked up twice collects both gradients, and a row never looked up gets zeros. An id outside 0..V-1 is
 * an {@link IllegalArgumentException} naming the id and its position; so is a dOut whose number of rows is not
 * ids.length.
 */
public final class EmbeddingGrad {
    private EmbeddingGrad() {
    }

    /** Row i of the result (n, d) is row ids[i] of {@code table} (V, d). */
    public static Matrix lookup(Matrix table, int[] ids) {
        // TODO
        return null;
    }

    /** dL/dE (vocab, d) from dL/d(out) (ids.length, d). */
    public static Matrix backward(int vocab, int[] ids, Matrix dOut) {
        // TODO
        return null;
    }
}
