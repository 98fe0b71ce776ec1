package rnnbook.data;

import java.util.Arrays;
import java.util.Random;
import rnnbook.tensor.Matrix;

/**
 * A labelled set of sequences for a many-to-one task: {@code xs} has shape (seq, n, features), one row of every
 * time step per example, and {@code labels[i]} is example i's class.
 */
public record Labelled(Matrix[] xs, int[] labels) {

    public Labelled {
        if (xs.length == 0) {
            throw new IllegalArgumentException("a labelled set needs at least one time step");
        }
        if (xs[0].rows() != labels.length) {
            throw new IllegalArgumentException("labelled set: " + xs[0].rows() + " sequences but "
                    + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int length() {
        return xs.length;
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), every time step. */
    public Labelled slice(int from, int to) {
        Matrix[] out = new Matrix[xs.length];
        int f = xs[0].cols();
        for (int t = 0; t < xs.length; t++) {
            out[t] = Matrix.wrap(to - from, f, Arrays.copyOfRange(xs[t].data(), from * f, to * f));
        }
        return new Labelled(out, Arrays.copyOfRange(labels, from, to));
    }

    /** The same examples with the order of each sequence's time steps shuffled (each example its own way). */
    public Labelled shuffledInTime(Random rng) {
        int n = size();
        int f = xs[0].cols();
        Matrix[] out = new Matrix[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = Matrix.zeros(n, f);
        }
        int[] order = new int[xs.length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
            }
            for (int t = order.length - 1; t > 0; t--) {   // Fisher-Yates
                int j = rng.nextInt(t + 1);
                int tmp = order[t];
                order[t] = order[j];
                order[j] = tmp;
            }
            for (int t = 0; t < xs.length; t++) {
                System.arraycopy(xs[order[t]].data(), i * f, out[t].data(), i * f, f);
            }
        }
        return new Labelled(out, labels.clone());
    }
}
