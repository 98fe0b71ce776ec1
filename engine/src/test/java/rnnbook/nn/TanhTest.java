package rnnbook.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's tanh against the JDK's, over eleven orders of magnitude and at the edges. */
class TanhTest {

    @Test
    void agreesWithMathTanhToOnePartIn1e14() {
        Random rng = new Random(11);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            // |x| from 1e-8 to 30, both signs, and many values near the switch to the series at 2^-6
            double x = (rng.nextBoolean() ? 1 : -1) * (i % 4 == 0
                    ? 0x1p-6 * (0.9 + 0.2 * rng.nextDouble())
                    : Math.pow(10, -8 + 9.5 * rng.nextDouble()));
            double expected = Math.tanh(x);
            worst = Math.max(worst, Math.abs(Activation.tanh(x) - expected) / Math.abs(expected));
        }
        assertTrue(worst < 1e-14, "worst relative error " + worst);
    }

    @Test
    void edges() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Activation.tanh(-0.0)));
        assertEquals(0.0, Activation.tanh(0.0), 0.0);
        assertEquals(1.0, Activation.tanh(22.0), 0.0);
        assertEquals(-1.0, Activation.tanh(-1e300), 0.0);
        assertEquals(1.0, Activation.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(Activation.tanh(Double.NaN)));
        assertEquals(Math.tanh(0.5), Activation.TANH.apply(0.5), 1e-16);
    }
}
