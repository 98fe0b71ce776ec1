package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run must give the same numbers every time: the same input, first while the JVM still interprets the SIMD code
 * and again after the JIT compiled it, must give the same bits. The JDK's vector EXP did not: interpreted it is
 * Math.exp lane by lane, compiled it is a different (1-ulp) routine, so a training run's last digits depended on when
 * the compiler got there, and a chaotic run (chapter 4's clipped RNN) ended at loss 0.026 in one run, 0.036 in
 * the next.
 */
class PointwiseDeterminismTest {

    private static double[] inputs(long seed) {
        Random rng = new Random(seed);
        double[] x = new double[4099];   // not a multiple of the register width: the scalar tail runs too
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * 6;
        }
        return x;
    }

    /** Applies f to a copy of x cold, then (after enough calls for the JIT) again, and compares the bits. */
    private static void sameColdAndHot(String what, Consumer<double[]> f) {
        double[] x = inputs(what.hashCode());
        double[] cold = x.clone();
        f.accept(cold);
        double[] hot = x.clone();
        for (int round = 0; round < 3000; round++) {
            hot = x.clone();
            f.accept(hot);
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(cold[i]), Double.doubleToRawLongBits(hot[i]),
                    () -> what + ": interpreted and compiled code differ");
        }
    }

    @Test
    @Timeout(120)
    void tanhGivesTheSameBitsInterpretedAndCompiled() {
        sameColdAndHot("tanh", d -> Pointwise.tanh(d, 0, d.length));
    }

    @Test
    @Timeout(120)
    void sigmoidGivesTheSameBitsInterpretedAndCompiled() {
        sameColdAndHot("sigmoid", d -> Pointwise.sigmoid(d, 0, d.length));
    }

    @Test
    @Timeout(120)
    void softmaxGivesTheSameBitsInterpretedAndCompiled() {
        sameColdAndHot("exp shifted", d -> d[0] = Pointwise.expShifted(d, 1, d.length, 2.0));
    }
}
