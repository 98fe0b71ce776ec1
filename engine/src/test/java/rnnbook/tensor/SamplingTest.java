package rnnbook.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one sampler: softmax with temperature and the inverse-CDF draw, against numbers worked by hand. */
class SamplingTest {
    // logits 0, ln 2, ln 3: exponentials 1, 2, 3, so softmax = (1, 2, 3) / 6
    private static final Matrix LOGITS = Matrix.of(new double[][] {{0, Math.log(2), Math.log(3)}});

    /** A generator whose every nextDouble() is u, to check where each u lands. */
    private static Random fixed(double u) {
        return new Random() {
            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    @Test
    void temperatureOneIsThePlainSoftmax() {
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6},
                Sampling.probabilities(LOGITS, 1.0).data(), 1e-12);
    }

    @Test
    void temperatureTwoTakesSquareRootsOfTheExponentials() {
        // z / 2 = (0, ln √2, ln √3): exponentials 1, √2, √3
        double s = 1 + Math.sqrt(2) + Math.sqrt(3);
        assertArrayEquals(new double[] {1 / s, Math.sqrt(2) / s, Math.sqrt(3) / s},
                Sampling.probabilities(LOGITS, 2.0).data(), 1e-12);
        // T = 1/2 squares them: 1, 4, 9
        assertArrayEquals(new double[] {1.0 / 14, 4.0 / 14, 9.0 / 14},
                Sampling.probabilities(LOGITS, 0.5).data(), 1e-12);
    }

    @Test
    void temperatureNearZeroAlwaysPicksTheLargestLogit() {
        Matrix z = Matrix.of(new double[][] {{1.0, 3.5, 3.4, -2.0}});
        assertArrayEquals(new double[] {0, 1, 0, 0}, Sampling.probabilities(z, 1e-3).data(), 1e-12);
        Random rng = new Random(7);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, Sampling.sample(z, 1e-3, rng));
        }
    }

    @Test
    void aDrawInvertsTheCumulativeSum() {
        double[] p = {1.0 / 6, 2.0 / 6, 3.0 / 6};   // running sums 1/6, 1/2, 1
        assertEquals(0, Sampling.draw(p, fixed(0.0)));
        assertEquals(0, Sampling.draw(p, fixed(0.16)));
        assertEquals(1, Sampling.draw(p, fixed(0.17)));
        assertEquals(1, Sampling.draw(p, fixed(0.49)));
        assertEquals(2, Sampling.draw(p, fixed(0.51)));
        assertEquals(2, Sampling.draw(p, fixed(Math.nextDown(1.0))));
        // an entry of probability 0 is never drawn, even when u falls in the rounding gap above the sum
        assertEquals(1, Sampling.draw(new double[] {0.5, 0.5 - 1e-9, 0}, fixed(Math.nextDown(1.0))));
    }

    @Test
    void aSeededGeneratorDrawsTheFrequenciesOfTheDistribution() {
        Random rng = new Random(11);
        int n = 60_000;
        int[] counts = new int[3];
        for (int i = 0; i < n; i++) {
            counts[Sampling.sample(LOGITS, 1.0, rng)]++;
        }
        // standard error sqrt(p (1 - p) / n) <= 0.0021: five of them is 0.011
        for (int i = 0; i < 3; i++) {
            assertEquals((i + 1) / 6.0, counts[i] / (double) n, 0.011, "index " + i);
        }
    }

    @Test
    void badInputGetsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Sampling.probabilities(LOGITS, 0));
        assertTrue(e.getMessage().contains("temperature must be positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sampling.draw(new double[] {0.5, 0.4}, new Random()));
        assertTrue(e.getMessage().contains("sum to 0.9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sampling.draw(new double[] {1.5, -0.5}, new Random()));
        assertTrue(e.getMessage().contains("probability 1 is -0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sampling.sample(Matrix.zeros(2, 3), 1.0, new Random()));
        assertTrue(e.getMessage().contains("(1, classes), got (2, 3)"), e.getMessage());
    }
}
