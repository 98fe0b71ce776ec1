package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * What a recurrent cell carries from one step to the next: the hidden state h (batch, hidden) and, for cells that
 * have one (LSTM), the cell state c (batch, hidden); {@code c} is null otherwise. A cell whose gates read the
 * previous step's gates (Greff et al.'s full gate recurrence, {@code rnnbook.variants.OdysseyCell}) also carries
 * those in {@code gates} (batch, any width); it is null for every other cell, and a missing part counts as zero.
 * The same type carries the gradients dL/dh, dL/dc (and dL/dgates) in the backward pass.
 */
public record State(Matrix h, Matrix c, Matrix gates) {

    public State {
        if (h == null) {
            throw new IllegalArgumentException("a state needs h");
        }
        if (c != null) {
            h.requireSameShape("State h and c", c);
        }
        if (gates != null && gates.rows() != h.rows()) {
            throw new IllegalArgumentException("State gates: " + gates.shape() + " for a batch of " + h.rows()
                    + " rows");
        }
    }

    /** A state of h and c (null for cells without one), carrying no gates. */
    public State(Matrix h, Matrix c) {
        this(h, c, null);
    }

    /** A state with only a hidden part. */
    public static State of(Matrix h) {
        return new State(h, null);
    }

    public boolean hasCell() {
        return c != null;
    }

    public int batch() {
        return h.rows();
    }

    public State copy() {
        return new State(h.copy(), c == null ? null : c.copy(), gates == null ? null : gates.copy());
    }

    /** Elementwise sum, treating a missing part of {@code other} as zero. */
    public State plus(State other) {
        if (other == null) {
            return this;
        }
        return new State(h.add(other.h), sum(c, other.c), sum(gates, other.gates));
    }

    private static Matrix sum(Matrix a, Matrix b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    /** Throws unless this state fits a cell with the given batch and hidden size (and cell state when needed). */
    public void require(String what, int batch, int hidden, boolean needsCell) {
        h.requireShape(what + " h", batch, hidden);
        if (needsCell && c == null) {
            throw new IllegalArgumentException(what + ": this cell needs a cell state c of shape (" + batch + ", "
                    + hidden + "), got none");
        }
        if (c != null) {
            c.requireShape(what + " c", batch, hidden);
        }
    }
}
