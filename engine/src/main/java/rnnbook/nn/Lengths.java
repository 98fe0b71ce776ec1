package rnnbook.nn;

import java.util.Arrays;
import java.util.Objects;
import rnnbook.tensor.Matrix;

/**
 * Per-row sequence lengths, PyTorch's packed sequences: row b of a batch is {@code lengths[b]} steps long and the
 * steps after that are padding. At a step t >= lengths[b] row b is finished: its state stops changing, its output
 * is zero, and backward lets the gradient of its state pass straight back to the step before, with nothing for the
 * cell's parameters or the padded input. {@link Recurrent} runs the cell on every row and applies these rules
 * around it, so every cell honours lengths without knowing about them.
 */
final class Lengths {
    private Lengths() {
    }

    /** A copy of lengths after checking that there is one per row, each in [1, seq]. */
    static int[] check(int[] lengths, int batch, int seq) {
        if (lengths.length != batch) {
            throw new IllegalArgumentException("Recurrent lengths: " + lengths.length + " lengths for a batch of "
                    + batch + " rows");
        }
        for (int b = 0; b < batch; b++) {
            if (lengths[b] < 1 || lengths[b] > seq) {
                throw new IllegalArgumentException("Recurrent lengths: row " + b + " has length " + lengths[b]
                        + ", outside [1, " + seq + "] for a sequence of " + seq + " steps");
            }
        }
        return lengths.clone();
    }

    /**
     * Each row's real steps in reverse order, what the reverse direction of a bidirectional layer reads: entry s of
     * row b is entry L_b - 1 - s of {@code m} for s < L_b, and zero after that (padding, which the reverse cell
     * never uses). Without lengths it is the whole sequence reversed (the same matrices). Applied twice it gives the
     * real steps back, so it also maps the reverse cell's outputs and gradients to input order. Entries of
     * {@code m} may be null (no gradient at that step): their rows stay zero, or the entry stays null without
     * lengths.
     */
    static Matrix[] mirror(Matrix[] m, int[] lengths) {
        int seq = m.length;
        Matrix[] out = new Matrix[seq];
        if (lengths == null) {
            for (int t = 0; t < seq; t++) {
                out[t] = m[seq - 1 - t];
            }
            return out;
        }
        Matrix like = Arrays.stream(m).filter(Objects::nonNull).findFirst().orElse(null);
        if (like == null) {
            return out;   // no entries at all: nothing to move
        }
        int w = like.cols();
        for (int s = 0; s < seq; s++) {
            out[s] = Matrix.zeros(lengths.length, w);
            for (int b = 0; b < lengths.length; b++) {
                Matrix from = s < lengths[b] ? m[lengths[b] - 1 - s] : null;
                if (from != null) {
                    System.arraycopy(from.data(), b * w, out[s].data(), b * w, w);
                }
            }
        }
        return out;
    }

    /** Whether row b is finished at step t. */
    private static boolean finished(int[] lengths, int b, int t) {
        return t >= lengths[b];
    }

    private static boolean anyFinished(int[] lengths, int t) {
        return Arrays.stream(lengths).anyMatch(len -> t >= len);
    }

    /** The state after step t: the cell's new state for running rows, the previous state for finished ones. */
    static State carry(State next, State prev, int[] lengths, int t) {
        if (!anyFinished(lengths, t)) {
            return next;
        }
        State out = next.copy();
        copyFinishedRows(prev.h(), out.h(), lengths, t);
        if (out.c() != null) {
            copyFinishedRows(prev.c(), out.c(), lengths, t);
        }
        if (out.gates() != null) {   // a state without gates counts as zero gates
            copyFinishedRows(orZero(prev.gates(), out.gates()), out.gates(), lengths, t);
        }
        return out;
    }

    /** The output at step t: h, with the rows of finished sequences zero. */
    static Matrix output(Matrix h, int[] lengths, int t) {
        if (!anyFinished(lengths, t)) {
            return h;
        }
        Matrix out = h.copy();
        for (int b = 0; b < lengths.length; b++) {
            if (finished(lengths, b, t)) {
                Arrays.fill(out.data(), b * out.cols(), (b + 1) * out.cols(), 0.0);
            }
        }
        return out;
    }

    /** The gradient the cell sees at step t: dState with the rows of finished sequences zero (a copy if any). */
    static State running(State dState, int[] lengths, int t) {
        if (!anyFinished(lengths, t)) {
            return dState;
        }
        State out = dState.copy();
        for (Matrix part : new Matrix[] {out.h(), out.c(), out.gates()}) {
            if (part != null) {
                for (int b = 0; b < lengths.length; b++) {
                    if (finished(lengths, b, t)) {
                        Arrays.fill(part.data(), b * part.cols(), (b + 1) * part.cols(), 0.0);
                    }
                }
            }
        }
        return out;
    }

    /**
     * dL/d(state_{t-1}): the cell's dPrev for running rows; for finished rows the gradient that reached state_t
     * from later steps ({@code carried}, null for none), since there state_t is state_{t-1}. New matrices.
     */
    static State passFinished(State cellDPrev, State carried, int[] lengths, int t) {
        if (!anyFinished(lengths, t)) {
            return cellDPrev;
        }
        State dPrev = cellDPrev.copy();
        copyFinishedRows(orZero(carried == null ? null : carried.h(), dPrev.h()), dPrev.h(), lengths, t);
        if (dPrev.c() != null) {
            copyFinishedRows(orZero(carried == null ? null : carried.c(), dPrev.c()), dPrev.c(), lengths, t);
        }
        if (dPrev.gates() != null) {
            copyFinishedRows(orZero(carried == null ? null : carried.gates(), dPrev.gates()), dPrev.gates(), lengths,
                    t);
        }
        return dPrev;
    }

    /** {@code part}, or zeros of the shape of {@code like} when it is missing. */
    private static Matrix orZero(Matrix part, Matrix like) {
        return part != null ? part : Matrix.zeros(like.rows(), like.cols());
    }

    private static void copyFinishedRows(Matrix from, Matrix to, int[] lengths, int t) {
        int w = to.cols();
        for (int b = 0; b < lengths.length; b++) {
            if (finished(lengths, b, t)) {
                System.arraycopy(from.data(), b * w, to.data(), b * w, w);
            }
        }
    }
}
