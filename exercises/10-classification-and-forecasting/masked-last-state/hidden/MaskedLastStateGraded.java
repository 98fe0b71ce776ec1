package rnnbook.exercises;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.runner.Hint;
import rnnbook.runner.Points;
import rnnbook.runner.Record;
import rnnbook.tensor.Matrix;

/** Hidden tests of masked-last-state: seeded outputs and lengths, what comes back recorded. */
@Timeout(5)
class MaskedLastStateGraded {
    private static Matrix[] outputs(long seed, int seq, int batch, int hidden) {
        Random rng = new Random(seed);
        Matrix[] out = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            double[] d = new double[batch * hidden];
            for (int i = 0; i < d.length; i++) {
                d[i] = rng.nextGaussian();
            }
            out[t] = Matrix.wrap(batch, hidden, d);
        }
        return out;
    }

    @Test
    @DisplayName("lastReal on five rows of different lengths")
    @Points(3)
    @Hint("row b of the result is row b of outputs[lengths[b] - 1]")
    void a_lastReal() {
        Record.value("the matrix of last real states", MaskedLastState.lastReal(outputs(101, 6, 5, 3), new int[] {6, 1, 4, 2, 6}));
    }

    @Test
    @DisplayName("lastReal when no row is padded equals the last step")
    @Points(1)
    @Hint("with every length T, the answer is outputs[T - 1]")
    void b_lastRealFull() {
        Record.value("the matrix of last real states", MaskedLastState.lastReal(outputs(102, 4, 3, 2), new int[] {4, 4, 4}));
    }

    @Test
    @DisplayName("mask on five rows of different lengths")
    @Points(3)
    @Hint("zero exactly the steps t >= lengths[b] of row b, starting with t = lengths[b]")
    void c_mask() {
        Matrix[] y = MaskedLastState.mask(outputs(103, 5, 5, 2), new int[] {5, 1, 3, 2, 4});
        Record.value("the number of steps", y.length);
        for (int t = 0; t < y.length; t++) {
            Record.value("step " + t, y[t]);
        }
    }

    @Test
    @DisplayName("mask leaves its input unchanged")
    @Points(2)
    @Hint("copy each step before zeroing rows: the caller still needs the unmasked outputs")
    void d_inputKept() {
        Matrix[] in = outputs(104, 4, 3, 2);
        Matrix[] y = MaskedLastState.mask(in, new int[] {1, 2, 3});
        for (int t = 0; t < in.length; t++) {
            Record.value("masked step " + t, y[t]);
            Record.value("input step " + t + " after masking", in[t]);
        }
    }

    @Test
    @DisplayName("lengths outside [1, T] are refused")
    @Points(2)
    @Hint("a row of length 0 or longer than the sequence is an IllegalArgumentException")
    void e_badLengths() {
        for (int[] lengths : new int[][] {{0, 2}, {3, 4}}) {
            boolean refused;
            try {
                MaskedLastState.lastReal(outputs(105, 3, 2, 2), lengths);
                refused = false;
            } catch (IllegalArgumentException e) {
                refused = true;
            }
            Record.value("is length pair " + lengths[0] + ", " + lengths[1] + " refused?", refused);
        }
    }
}
