package rnnbook.nn;

import java.util.Random;
import rnnbook.tensor.Matrix;

/** Parameter initialisers, all drawing from a caller's seeded {@link Random} so runs repeat exactly. */
public final class Init {
    private Init() {
    }

    /** Entries drawn from uniform(-bound, bound). */
    public static Matrix uniform(int rows, int cols, double bound, Random rng) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (2.0 * rng.nextDouble() - 1.0) * bound;
        }
        return m;
    }

    /** Entries drawn from normal(0, std²). */
    public static Matrix normal(int rows, int cols, double std, Random rng) {
        Matrix m = Matrix.zeros(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextGaussian() * std;
        }
        return m;
    }
}
