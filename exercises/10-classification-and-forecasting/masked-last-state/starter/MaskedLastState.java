package rnnbook.exercises;

import rnnbook.tensor.Matrix;

/**
 * Exercise masked-last-state: a many-to-one model on a padded batch must read each row's state at that row's own
 * last real step, not at the padded end.
 *
 * <p>{@code outputs[t]} (batch, hidden) holds h_t of every row for t = 0 .. T-1, computed as if every row ran all T
 * steps; row b is really {@code lengths[b]} steps long (1 <= lengths[b] <= T) and the steps after that read padding.
 * <pre>
 *   lastReal:  row b of the result = row b of outputs[lengths[b] - 1]            (batch, hidden)
 *   mask:      out[t] = outputs[t] with row b set to zero wherever t >= lengths[b]  (T of (batch, hidden))
 * </pre>
 * Leave {@code outputs} unchanged. A length outside [1, T], or a number of lengths different from the batch, is an
 * {@code IllegalArgumentException} naming the row. Use {@code Matrix.zeros}, {@code copy}, {@code get},
 * {@code set}, {@code rows}, {@code cols}.
 */
public final class MaskedLastState {
    private MaskedLastState() {
    }

    /** Row b of outputs[lengths[b] - 1], for every row b. */
    public static Matrix lastReal(Matrix[] outputs, int[] lengths) {
        // TODO
        return null;
    }

    /** Copies of outputs with the rows of finished sequences zero at every padded step. */
    public static Matrix[] mask(Matrix[] outputs, int[] lengths) {
        // TODO
        return null;
    }
}
