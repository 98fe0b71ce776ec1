package rnnbook.exercises;

/** Reference solution of memory-decay. */
public final class MemoryDecay {
    private MemoryDecay() {
    }

    public static double[] weights(double w, int steps) {
        double[] out = new double[steps];
        double weight = w;   // MUTANT: off by one in time
        for (int k = steps - 1; k >= 0; k--) {
            out[k] = weight;
            weight *= w;
        }
        return out;
    }

    public static double memory(double w, double[] xs) {
        double h = 0;
        for (double x : xs) {
            h = w * h + x;
        }
        return h;
    }
}
