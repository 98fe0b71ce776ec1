package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/** Reference solution of embedding-backward. */
public final class EmbeddingGrad {
    private EmbeddingGrad() {
    }

    public static Matrix lookup(Matrix table, int[] ids) {
        Matrix out = Matrix.zeros(ids.length, table.cols());
        for (int i = 0; i < ids.length; i++) {
            check(ids, i, table.rows());
            for (int j = 0; j < table.cols(); j++) {
                out.set(i, j, table.get(ids[i], j));
            }
        }
        return out;
    }

    public static Matrix backward(int vocab, int[] ids, Matrix dOut) {
        if (dOut.rows() != ids.length) {
            throw new IllegalArgumentException("dOut has " + dOut.rows() + " rows but there are " + ids.length + " ids");
        }
        Matrix dTable = Matrix.zeros(vocab, dOut.cols());
        for (int i = 0; i < ids.length; i++) {
            check(ids, i, vocab);
            for (int j = 0; j < dOut.cols(); j++) {
                dTable.set(ids[i], j, dTable.get(ids[i], j) + dOut.get(i, j));   // repeated ids add up
            }
        }
        return dTable;
    }

    private static void check(int[] ids, int i, int vocab) {
        if (ids[i] < 0 || ids[i] >= vocab) {
            throw new IllegalArgumentException("id " + ids[i] + " at position " + i + " is outside 0.." + (vocab - 1));
        }
    }
}
