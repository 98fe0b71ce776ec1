package rnnbook.nn;

import java.util.Random;
import rnnbook.tensor.Matrix;

/** Small random inputs for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Matrix[] sequence(int seq, int batch, int features, Random rng) {
        Matrix[] xs = new Matrix[seq];
        for (int t = 0; t < seq; t++) {
            xs[t] = Init.uniform(batch, features, 1.0, rng);
        }
        return xs;
    }

    /** Σ_t Σ h_t ⊙ r_t for fixed random r_t: a loss whose gradient reaches every output differently. */
    public static double weightedSum(Matrix[] hs, Matrix[] r) {
        double s = 0;
        for (int t = 0; t < hs.length; t++) {
            s += hs[t].mul(r[t]).sum();
        }
        return s;
    }
}
