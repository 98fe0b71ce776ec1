package rnnbook.exercises;

import rnnbook.runner.Check;
import rnnbook.runner.Graded;
import rnnbook.tensor.Matrix;

/** Public checks of softmax-ce: run them with {@code ./book check softmax-ce}. */
public class CrossEntropyCheck {
    // z = (1, 2, 3): softmax = (e^1, e^2, e^3) / (e^1 + e^2 + e^3)
    private static final double S = Math.exp(1) + Math.exp(2) + Math.exp(3);

    @Graded(points = 0, value = "softmax of (1, 2, 3)")
    public void softmax() {
        Matrix p = CrossEntropy.softmax(Matrix.row(1, 2, 3));
        Check.notNull(p, "softmax");
        Check.close("softmax", new double[] {Math.exp(1) / S, Math.exp(2) / S, Math.exp(3) / S}, p.data(), 3, 1e-12,
                null);
    }

    @Graded(points = 0, value = "loss and gradient of (1, 2, 3) with target 2")
    public void lossAndGradient() {
        // -log p_2 = log(e^1 + e^2 + e^3) - 3 = log(1 + e^-1 + e^-2)
        Check.near("loss", Math.log(1 + Math.exp(-1) + Math.exp(-2)),
                CrossEntropy.loss(Matrix.row(1, 2, 3), new int[] {2}), 1e-12, null);
        Matrix g = CrossEntropy.gradient(Matrix.row(1, 2, 3), new int[] {2});
        Check.notNull(g, "gradient");
        Check.close("gradient", new double[] {Math.exp(1) / S, Math.exp(2) / S, Math.exp(3) / S - 1}, g.data(), 3,
                1e-12, "p minus one-hot");
    }
}
