package rnnbook.chapters.ch09;

import java.util.Random;

/** Drawing one token from a distribution, and what temperature does to it. */
public final class Sampling {
    private Sampling() {
    }

    /** An index i with probability p[i]: the first i whose running sum passes a uniform u in [0, 1). */
    public static int draw(double[] p, Random rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;   // u landed in the rounding gap at the top
    }
}
