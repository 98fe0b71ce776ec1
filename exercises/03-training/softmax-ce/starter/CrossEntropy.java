package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise softmax-ce: softmax, the mean cross-entropy loss and its gradient with respect to the scores.
 *
 * <pre>
 *   p_ij = exp(z_ij - m_i) / Σ_k exp(z_ik - m_i)      m_i = max_k z_ik  (subtracting m_i avoids overflow)
 *   L    = (1/n) Σ_i -log p_{i, y_i}
 *   dL/dz_ij = (p_ij - [j = y_i]) / n
 * </pre>
 * Shapes: scores z (n, classes), one row per example; targets y has n class indices in 0..classes-1.
 * Do not modify the arguments.
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /** Row-wise softmax: every row of the result is positive and sums to 1; shape (n, classes). */
    public static Matrix softmax(Matrix z) {
        // TODO
        return null;
    }

    /** The mean cross-entropy L of scores z against targets y. */
    public static double loss(Matrix z, int[] y) {
        // TODO
        return Double.NaN;
    }

    /** dL/dz, shape (n, classes). */
    public static Matrix gradient(Matrix z, int[] y) {
        // TODO
        return null;
    }
}
