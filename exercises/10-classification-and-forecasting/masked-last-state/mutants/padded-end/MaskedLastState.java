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

    private static void check(Matrix[] outputs, int[] lengths) {
        if (lengths.length != outputs[0].rows()) {
            throw new IllegalArgumentException(lengths.length + " lengths for a batch of " + outputs[0].rows());
        }
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 1 || lengths[b] > outputs.length) {
                throw new IllegalArgumentException("row " + b + " has length " + lengths[b] + ", outside [1, "
                        + outputs.length + "]");
            }
        }
    }

    /** Row b of outputs[lengths[b] - 1], for every row b. */
    public static Matrix lastReal(Matrix[] outputs, int[] lengths) {
        check(outputs, lengths);
        Matrix out = Matrix.zeros(lengths.length, outputs[0].cols());
        for (int b = 0; b < lengths.length; b++) {
            for (int j = 0; j < out.cols(); j++) {
                out.set(b, j, outputs[outputs.length - 1].get(b, j));   // MUTANT: reads the padded end
            }
        }
        return out;
    }

    /** Copies of outputs with the rows of finished sequences zero at every padded step. */
    public static Matrix[] mask(Matrix[] outputs, int[] lengths) {
        check(outputs, lengths);
        Matrix[] out = new Matrix[outputs.length];
        for (int t = 0; t < outputs.length; t++) {
            out[t] = outputs[t].copy();
            for (int b = 0; b < lengths.length; b++) {
                if (t >= lengths[b]) {
                    for (int j = 0; j < out[t].cols(); j++) {
                        out[t].set(b, j, 0);
                    }
                }
            }
        }
        return out;
    }
}
