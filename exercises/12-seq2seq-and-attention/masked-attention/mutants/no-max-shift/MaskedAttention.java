package rnnbook.exercises;

/**
 * Exercise masked-attention: one decoder step of scaled dot-product attention over a padded source.
 *
 * <pre>
 *   e_s = (q · m_s) / √d                                for the real positions s = 0 .. length-1
 *   α_s = exp(e_s - max_r e_r) / Σ_r exp(e_r - max_r e_r)   (max and sum over the real positions only)
 *   α_s = 0                                             for the padding positions s = length .. S-1
 *   context = Σ_s α_s m_s
 * </pre>
 * Shapes: the query q has d numbers; the memory holds S encoder states m_0 .. m_{S-1} of d numbers each, of which
 * only the first {@code length} (1 ≤ length ≤ S) are real; the rest is padding and must not change anything.
 * Subtracting the largest score before exp changes no weight but keeps exp from overflowing on large scores.
 * Do not modify the arguments.
 */
public final class MaskedAttention {
    private MaskedAttention() {
    }

    /** The S attention weights: a softmax of the scaled scores over the real positions, 0 on padding. */
    public static double[] weights(double[] query, double[][] memory, int length) {
        double[] alpha = new double[memory.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < length; s++) {
            double dot = 0;
            for (int j = 0; j < query.length; j++) {
                dot += query[j] * memory[s][j];
            }
            alpha[s] = dot / Math.sqrt(query.length);
            max = Math.max(max, alpha[s]);
        }
        double sum = 0;
        for (int s = 0; s < length; s++) {
            alpha[s] = Math.exp(alpha[s]);   // MUTANT: exp of large scores overflows
            sum += alpha[s];
        }
        for (int s = 0; s < length; s++) {
            alpha[s] /= sum;
        }
        return alpha;
    }

    /** The context: the weighted sum of the memory vectors, d numbers. */
    public static double[] context(double[] weights, double[][] memory) {
        double[] c = new double[memory[0].length];
        for (int s = 0; s < memory.length; s++) {
            for (int j = 0; j < c.length; j++) {
                c[j] += weights[s] * memory[s][j];
            }
        }
        return c;
    }
}
