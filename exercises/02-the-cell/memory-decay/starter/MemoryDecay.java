package rnnbook.exercises;

/**
 * Exercise memory-decay: the weight each input keeps in the memory of a linear one-unit cell.
 *
 * <pre>
 *   h_0 = 0,   h_t = w · h_{t-1} + x_t       (t = 1..T)
 *   so  h_T = w^(T-1)·x_1 + w^(T-2)·x_2 + ... + w·x_{T-1} + x_T
 * </pre>
 * With w = 0.9 and three inputs the memory is 0.81·x_1 + 0.9·x_2 + x_3: recent inputs weigh most.
 */
public final class MemoryDecay {
    private MemoryDecay() {
    }

    /**
     * The weights of x_1..x_T in h_T, in input order: index 0 is x_1's weight w^(T-1), the last is x_T's weight 1.
     *
     * @param w     the recurrent weight
     * @param steps T, at least 1
     * @return an array of length T
     */
    public static double[] weights(double w, int steps) {
        // TODO
        return null;
    }

    /** h_T for the inputs xs = x_1..x_T (xs[0] is x_1), computed by running the recurrence. */
    public static double memory(double w, double[] xs) {
        // TODO
        return Double.NaN;
    }
}
