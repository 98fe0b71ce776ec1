package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnbook.check.GradientCheck;
import rnnbook.nn.Init;
import rnnbook.nn.Parameter;

/** The one softmax: values derived by hand, the mask, the logarithm, and the backward pass by gradient check. */
class SoftmaxTest {

    @Test
    void plainSoftmaxByHand() {
        // softmax(0, ln 3) = (1, 3) / 4; shifting a row by any constant (here 1000) changes nothing
        Matrix p = Softmax.of(Matrix.of(new double[] {0, Math.log(3)}, new double[] {1000, 1000 + Math.log(3)}));
        // (1000 + ln 3 is stored to within 1e-13, which bounds the second row's accuracy)
        assertArrayEquals(new double[] {0.25, 0.75, 0.25, 0.75}, p.data(), 1e-12);
    }

    @Test
    void logSoftmaxByHand() {
        Matrix l = Softmax.log(Matrix.of(new double[] {0, Math.log(3)}, new double[] {-800, -800 + Math.log(3)}));
        double[] expected = {Math.log(0.25), Math.log(0.75), Math.log(0.25), Math.log(0.75)};
        assertArrayEquals(expected, l.data(), 1e-12);   // -800: exp would underflow without the shift
    }

    /** Masked entries get exactly 0 and leave the others as if the row held only the valid entries. */
    @Test
    void maskedEntriesAreExactlyZeroWhateverTheirScore() {
        Matrix z = Matrix.of(new double[] {0, Double.POSITIVE_INFINITY, Math.log(3)},
                new double[] {Double.NaN, 2, 5});
        Softmax.Valid valid = (row, col) -> !(row == 0 && col == 1) && !(row == 1 && col == 0);
        Matrix p = Softmax.masked(z, valid);
        assertArrayEquals(new double[] {0.25, 0, 0.75}, java.util.Arrays.copyOfRange(p.data(), 0, 3), 1e-15);
        assertEquals(0.0, p.get(1, 0), 0.0);
        assertEquals(1 / (1 + Math.exp(3)), p.get(1, 1), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Softmax.masked(Matrix.zeros(2, 2), (row, col) -> row == 0));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    /** L = Σ W ⊙ softmax(z) for random W: backward(p, W) must be dL/dz, with and without a mask. */
    @Test
    void backwardIsTheGradient() {
        Random rng = new Random(3);
        Matrix z = Init.uniform(3, 5, 2.0, rng);
        Matrix w = Init.uniform(3, 5, 1.0, rng);
        Softmax.Valid valid = (row, col) -> (row + col) % 3 != 0;
        for (Softmax.Valid mask : new Softmax.Valid[] {null, valid}) {
            Matrix p = mask == null ? Softmax.of(z) : Softmax.masked(z, mask);
            Matrix dz = Softmax.backward(p, w);
            GradientCheck.Report r = GradientCheck.check(List.of(new Parameter("z", z, dz)),
                    () -> (mask == null ? Softmax.of(z) : Softmax.masked(z, mask)).mul(w).sum());
            assertTrue(r.maxRelativeError() < 1e-7, r::toString);
        }
    }
}
