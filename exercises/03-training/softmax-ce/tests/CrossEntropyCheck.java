package rnnbook.exercises;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Expect;
import rnnbook.tensor.Matrix;

/** Public checks of softmax-ce (worked by hand): {@code ./book check softmax-ce}, Maven or an IDE. */
@Timeout(5)
class CrossEntropyCheck {
    // z = (1, 2, 3): softmax = (e^1, e^2, e^3) / (e^1 + e^2 + e^3)
    private static final double S = Math.exp(1) + Math.exp(2) + Math.exp(3);

    @Test
    @DisplayName("softmax of (1, 2, 3)")
    void softmax() {
        Matrix p = CrossEntropy.softmax(Matrix.row(1, 2, 3));
        Expect.notNull(p, "softmax");
        Expect.close("softmax", new double[] {Math.exp(1) / S, Math.exp(2) / S, Math.exp(3) / S}, p.data(), 3,
                1e-12, null);
    }

    @Test
    @DisplayName("loss and gradient of (1, 2, 3) with target 2")
    void lossAndGradient() {
        // -log p_2 = log(e^1 + e^2 + e^3) - 3 = log(1 + e^-1 + e^-2)
        Expect.near("loss", Math.log(1 + Math.exp(-1) + Math.exp(-2)),
                CrossEntropy.loss(Matrix.row(1, 2, 3), new int[] {2}), 1e-12, null);
        Matrix g = CrossEntropy.gradient(Matrix.row(1, 2, 3), new int[] {2});
        Expect.notNull(g, "gradient");
        Expect.close("gradient", new double[] {Math.exp(1) / S, Math.exp(2) / S, Math.exp(3) / S - 1}, g.data(), 3,
                1e-12, "p minus one-hot");
    }
}
