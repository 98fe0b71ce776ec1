package rnnbook.chapters.ch13;

import java.util.List;
import java.util.Random;

/**
 * The baseline: a first-order Markov chain over MIDI pitches, p(next | previous) = (count(previous, next) + alpha)
 * / (count(previous) + 128 alpha), counted on the training melodies (add-alpha smoothing keeps unseen steps
 * possible).
 */
public final class NoteMarkov {
    public static final int PITCHES = 128;
    private final double[][] counts = new double[PITCHES][PITCHES];
    private final double[] totals = new double[PITCHES];
    private final double alpha;

    /** Counts every step previous -> next of every melody. */
    public NoteMarkov(List<int[]> melodies, double alpha) {
        if (alpha <= 0) {
            throw new IllegalArgumentException("the smoothing alpha must be positive, got " + alpha);
        }
        this.alpha = alpha;
        for (int[] m : melodies) {
            for (int t = 1; t < m.length; t++) {
                counts[m[t - 1]][m[t]]++;
                totals[m[t - 1]]++;
            }
        }
    }

    /** p(next | previous), smoothed. */
    public double probability(int previous, int next) {
        return (counts[previous][next] + alpha) / (totals[previous] + PITCHES * alpha);
    }

    /** The mean of -ln p(m_t | m_{t-1}) over the notes 2..T of every melody: nats per note. */
    public double nllPerNote(List<int[]> melodies) {
        double sum = 0;
        long notes = 0;
        for (int[] m : melodies) {
            for (int t = 1; t < m.length; t++) {
                sum -= Math.log(probability(m[t - 1], m[t]));
                notes++;
            }
        }
        if (notes == 0) {
            throw new IllegalArgumentException("no melody has two notes: nothing to score");
        }
        return sum / notes;
    }

    /**
     * {@code length} pitches from {@code seed}, each drawn from the counted steps after the previous pitch (the
     * smoothing is for scoring: sampling from it would wander off to pitches the melodies never play); after a
     * pitch never seen with a successor, from the smoothed (uniform) row.
     */
    public int[] sample(int seed, int length, Random rng) {
        int[] out = new int[length];
        out[0] = seed;
        for (int t = 1; t < length; t++) {
            int prev = out[t - 1];
            double u = rng.nextDouble() * (totals[prev] > 0 ? totals[prev] : 1);
            int next = 0;
            for (double acc = weight(prev, 0); acc < u && next < PITCHES - 1; acc += weight(prev, ++next)) {
                // walk the cumulative counts to the drawn value
            }
            out[t] = next;
        }
        return out;
    }

    private double weight(int previous, int next) {
        return totals[previous] > 0 ? counts[previous][next] : 1.0 / PITCHES;
    }
}
