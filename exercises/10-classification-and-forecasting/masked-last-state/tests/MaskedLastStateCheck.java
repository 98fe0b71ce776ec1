package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of masked-last-state (worked by hand): {@code ./book check masked-last-state}. */
@Timeout(5)
class MaskedLastStateCheck {
    // Three steps, two rows, hidden 2. Row 0 is 3 steps long, row 1 only 1: its h_1 and h_2 read padding.
    private static Matrix[] outputs() {
        return new Matrix[] {Matrix.of(new double[] {1, 2}, new double[] {5, 6}),
                Matrix.of(new double[] {3, 4}, new double[] {7, 8}),
                Matrix.of(new double[] {9, 10}, new double[] {11, 12})};
    }

    @Test
    @DisplayName("lastReal: row 0 from its third step, row 1 from its first")
    void lastReal() {
        Matrix h = MaskedLastState.lastReal(outputs(), new int[] {3, 1});
        Expect.notNull(h, "lastReal(...)");
        Expect.shape("the last real states", 2, 2, h.rows(), h.cols());
        Expect.close("the last real states", new double[] {9, 10, 5, 6}, h.data(), 2, 1e-12,
                "row b comes from step lengths[b] - 1; row 1 must not read the padded steps 1 and 2");
    }

    @Test
    @DisplayName("mask: row 1 is zero at steps 1 and 2, row 0 untouched")
    void mask() {
        Matrix[] in = outputs();
        Matrix[] y = MaskedLastState.mask(in, new int[] {3, 1});
        Expect.notNull(y, "mask(...)");
        Expect.equal("the number of steps", 3, y.length, null);
        double[][] expected = {{1, 2, 5, 6}, {3, 4, 0, 0}, {9, 10, 0, 0}};
        for (int t = 0; t < 3; t++) {
            Expect.close("step " + t, expected[t], y[t].data(), 2, 1e-12,
                    "row b is zero at every step t >= lengths[b], and only there");
        }
        Expect.close("the input step 2 after masking", new double[] {9, 10, 11, 12}, in[2].data(), 2, 1e-12,
                "mask must return copies and leave its input unchanged");
    }

    @Test
    @DisplayName("a length of zero is refused")
    void badLength() {
        try {
            MaskedLastState.lastReal(outputs(), new int[] {3, 0});
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("lastReal accepted a row of length 0: every row needs at least one real step");
    }
}
