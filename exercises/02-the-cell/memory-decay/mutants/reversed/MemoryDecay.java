package rnnbook.exercises;

/** Reference solution of memory-decay. */
public final class MemoryDecay {
    private MemoryDecay() {
    }

    public static double[] weights(double w, int steps) {
        double[] out = new double[steps];
        double weight = 1;
        for (int k = steps - 1; k >= 0; k--) {
            out[steps - 1 - k] = weight;   // MUTANT: oldest input gets the largest weight
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
