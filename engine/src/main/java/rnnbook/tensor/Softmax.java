package rnnbook.tensor;

/**
 * The softmax of each row, and its logarithm, computed stably: with m_i = max_k z_ik,
 * <pre>
 *   softmax(z)_ij     = exp(z_ij - m_i) / Σ_k exp(z_ik - m_i)
 *   log softmax(z)_ij = z_ij - (m_i + log Σ_k exp(z_ik - m_i))
 * </pre>
 * Subtracting m_i changes nothing mathematically and keeps every exponential at most 1, so scores of any size
 * work. A masked softmax leaves out the entries a mask marks invalid: m_i and the sum run over the valid entries
 * only, and the invalid ones get probability exactly 0, so a padded score of any value (even infinite) changes
 * nothing. Shapes: z (rows, classes) in, the same shape out. The loss ({@code rnnbook.loss.SoftmaxCrossEntropy}),
 * attention and seq2seq decoding all use this one implementation.
 */
public final class Softmax {
    private Softmax() {
    }

    /** Which entries of a row take part: {@code valid(row, col)}. */
    @FunctionalInterface
    public interface Valid {
        boolean valid(int row, int col);
    }

    /** Row-wise softmax of z (rows, classes). */
    public static Matrix of(Matrix z) {
        Matrix p = z.copy();
        inPlace(p.data(), z.rows(), z.cols(), null);
        return p;
    }

    /** Row-wise softmax over the entries {@code mask} marks valid; the others are exactly 0. */
    public static Matrix masked(Matrix z, Valid mask) {
        Matrix p = z.copy();
        inPlace(p.data(), z.rows(), z.cols(), mask);
        return p;
    }

    /** Row-wise log-softmax of z (rows, classes): z minus each row's log-normaliser. */
    public static Matrix log(Matrix z) {
        double[] logNormaliser = inPlace(z.copy().data(), z.rows(), z.cols(), null);
        Matrix out = z.copy();
        double[] d = out.data();
        int c = z.cols();
        for (int i = 0; i < z.rows(); i++) {
            for (int j = 0; j < c; j++) {
                d[i * c + j] -= logNormaliser[i];
            }
        }
        return out;
    }

    /**
     * Turns each row of {@code d} (rows × cols, row-major) into its softmax, in place, and returns every row's
     * log-normaliser m_i + log Σ_k exp(z_ik - m_i), so that log p_ij = z_ij - (that number) needs no second
     * exponential. A row with no valid entry is an error: a softmax over nothing has no value.
     *
     * @param mask the valid entries, or null for all
     */
    public static double[] inPlace(double[] d, int rows, int cols, Valid mask) {
        double[] logNormaliser = new double[rows];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            boolean any = false;
            for (int j = 0; j < cols; j++) {
                if (mask == null || mask.valid(i, j)) {
                    max = Math.max(max, d[o + j]);
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalArgumentException("softmax: row " + i + " has no valid entry");
            }
            double sum;
            if (mask == null) {
                sum = Pointwise.expShifted(d, o, o + cols, max);   // d = exp(z - max), SIMD where available
            } else {
                sum = 0;
                for (int j = 0; j < cols; j++) {
                    d[o + j] = mask.valid(i, j) ? Math.exp(d[o + j] - max) : 0.0;
                    sum += d[o + j];
                }
            }
            double inverse = 1.0 / sum;
            for (int j = 0; j < cols; j++) {
                d[o + j] *= inverse;
            }
            logNormaliser[i] = max + Math.log(sum);
        }
        return logNormaliser;
    }

    /**
     * Backward through a softmax, row by row: given p = softmax(z) and dL/dp, dL/dz_j = p_j (dp_j - Σ_k p_k dp_k).
     * Entries with p = 0 (masked) get 0.
     */
    public static Matrix backward(Matrix p, Matrix dp) {
        p.requireSameShape("softmax backward: probabilities and their gradient", dp);
        int c = p.cols();
        Matrix dz = Matrix.zeros(p.rows(), c);
        double[] a = p.data();
        double[] g = dp.data();
        double[] out = dz.data();
        for (int i = 0; i < p.rows(); i++) {
            double weighted = 0;
            for (int j = 0; j < c; j++) {
                weighted += a[i * c + j] * g[i * c + j];
            }
            for (int j = 0; j < c; j++) {
                out[i * c + j] = a[i * c + j] * (g[i * c + j] - weighted);
            }
        }
        return dz;
    }
}
