package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of embedding-backward: lookups and gradients on seeded inputs, recorded. */
@Timeout(5)
class EmbeddingGradGraded {

    private static Matrix seeded(int rows, int cols, long seed) {
        Random rng = new Random(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, rng.nextGaussian());
            }
        }
        return m;
    }

    @Test
    @DisplayName("distinct ids: lookup and backward")
    @Points(3)
    @Hint("row i of the output is row ids[i] of the table; its gradient goes back to row ids[i]")
    void a_distinct() {
        int[] ids = {4, 1, 0, 3};
        Record.value("lookup(E 5x3, [4, 1, 0, 3])", EmbeddingGrad.lookup(seeded(5, 3, 1), ids));
        Record.value("backward(5, [4, 1, 0, 3], dOut)", EmbeddingGrad.backward(5, ids, seeded(4, 3, 2)));
    }

    @Test
    @DisplayName("repeated ids add their gradients")
    @Points(4)
    @Hint("a row looked up twice receives the sum of both output rows' gradients (+=, not =)")
    void b_repeated() {
        int[] ids = {2, 2, 0, 2, 5};
        Record.value("backward(6, [2, 2, 0, 2, 5], dOut)", EmbeddingGrad.backward(6, ids, seeded(5, 4, 3)));
    }

    @Test
    @DisplayName("a long batch of ids from a small vocabulary")
    @Points(3)
    @Hint("every occurrence counts; rows never looked up stay zero")
    void c_many() {
        Random rng = new Random(4);
        int[] ids = new int[40];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rng.nextInt(7);
        }
        Record.value("lookup(E 9x2, 40 ids)", EmbeddingGrad.lookup(seeded(9, 2, 5), ids));
        Record.value("backward(9, 40 ids, dOut)", EmbeddingGrad.backward(9, ids, seeded(40, 2, 6)));
    }

    @Test
    @DisplayName("an id outside the table is refused")
    @Points(1)
    void d_badId() {
        boolean refused;
        try {
            EmbeddingGrad.backward(3, new int[] {1, -1}, Matrix.zeros(2, 2));
            refused = false;
        } catch (IllegalArgumentException e) {
            refused = true;
        }
        Record.value("is backward(3, [1, -1], dOut) refused (IllegalArgumentException)?", refused);
    }
}
