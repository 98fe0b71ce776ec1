package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/**
 * Public checks of embedding-backward (worked by hand): {@code ./book check embedding-backward}. The table
 * E = [[1, 2], [3, 4], [5, 6]] (V = 3, d = 2) and the ids [2, 0, 2]: id 2 twice, id 1 never.
 */
@Timeout(5)
class EmbeddingGradCheck {
    private static final Matrix TABLE = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final int[] IDS = {2, 0, 2};

    @Test
    @DisplayName("lookup of [2, 0, 2]: rows 2, 0 and 2 of the table")
    void lookup() {
        Matrix out = EmbeddingGrad.lookup(TABLE, IDS);
        Expect.notNull(out, "lookup(E, [2, 0, 2])");
        Expect.shape("lookup(E, [2, 0, 2])", 3, 2, out.rows(), out.cols());
        Expect.close("lookup(E, [2, 0, 2])", new double[] {5, 6, 1, 2, 5, 6}, out.data(), 2, 1e-12, null);
    }

    @Test
    @DisplayName("backward: id 2 collects rows 0 and 2 of dOut, id 0 row 1, id 1 nothing")
    void backward() {
        Matrix dOut = Matrix.of(new double[][] {{1, 1}, {2, 3}, {0.5, -1}});
        Matrix dTable = EmbeddingGrad.backward(3, IDS, dOut);
        Expect.notNull(dTable, "backward(3, [2, 0, 2], dOut)");
        Expect.shape("dE", 3, 2, dTable.rows(), dTable.cols());
        // row 0 = dOut[1] = (2, 3); row 1 = (0, 0); row 2 = dOut[0] + dOut[2] = (1.5, 0)
        Expect.close("dE", new double[] {2, 3, 0, 0, 1.5, 0}, dTable.data(), 2, 1e-12,
                "a repeated id adds its gradients: (1, 1) + (0.5, -1) = (1.5, 0)");
    }

    @Test
    @DisplayName("an id outside the table is an IllegalArgumentException naming the id")
    void badId() {
        try {
            EmbeddingGrad.lookup(TABLE, new int[] {0, 3});
        } catch (IllegalArgumentException e) {
            Expect.that(e.getMessage() != null && e.getMessage().contains("3"),
                    "the message names the id 3: " + e.getMessage());
            return;
        }
        Expect.that(false, "lookup(E, [0, 3]) with a table of 3 rows should throw an IllegalArgumentException");
    }
}
