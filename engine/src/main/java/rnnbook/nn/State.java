package rnnbook.nn;

import rnnbook.tensor.Matrix;

/**
 * What a recurrent cell carries from one step to the next: the hidden state h (batch, hidden) and, for cells that
 * have one (LSTM), the cell state c (batch, hidden); {@code c} is null otherwise. The same type carries the
 * gradients dL/dh and dL/dc in the backward pass.
 */
public record State(Matrix h, Matrix c) {

    public State {
        if (h == null) {
            throw new IllegalArgumentException("a state needs h");
        }
        if (c != null) {
            h.requireSameShape("State h and c", c);
        }
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
        return new State(h.copy(), c == null ? null : c.copy());
    }

    /** Elementwise sum, treating a missing part of {@code other} as zero. */
    public State plus(State other) {
        if (other == null) {
            return this;
        }
        Matrix sumH = h.add(other.h);
        Matrix sumC = c == null ? other.c : (other.c == null ? c : c.add(other.c));
        return new State(sumH, sumC);
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
