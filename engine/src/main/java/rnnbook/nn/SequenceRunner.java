package rnnbook.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import rnnbook.tensor.Matrix;

/**
 * Unrolls a cell over a sequence like {@link Recurrent}, with the same results, taking the faster road for a
 * {@link GateCell}: the input products of all steps are done before the time loop as one product of the stacked
 * inputs (seq * batch, input), and their gradients (dW_ih, db_ih, every dx_t) and the recurrent weight gradient
 * (dW_hh = Σ_t dG_tᵀ · h_{t-1}) after it, a few steps per product. Inside the loop only h_{t-1} · W_hhᵀ (forward) and
 * dG_t · W_hh (backward) remain, the part that truly depends on the previous step. W_hh is transposed once per
 * sequence instead of once per step. Other cells are unrolled step by step by a {@link Recurrent}.
 *
 * <p>Used by {@link Stacked} and {@link Bidirectional}.
 */
final class SequenceRunner {
    /** About how many rows (steps x batch) each weight-gradient product takes; see {@link #backward}. */
    private static final int CHUNK_ROWS = 64;

    private final Cell cell;
    private final Recurrent plain;
    private List<Step> steps = List.of();
    private Matrix stackedX;
    private int batch;

    SequenceRunner(Cell cell) {
        this.cell = cell;
        this.plain = new Recurrent(cell);
    }

    Cell cell() {
        return cell;
    }

    List<Step> steps() {
        return cell instanceof GateCell ? Collections.unmodifiableList(steps) : plain.steps();
    }

    Recurrent.Output forward(Matrix[] xs, State h0) {
        if (!(cell instanceof GateCell gated)) {
            return plain.forward(xs, h0);
        }
        Sequences.require("recurrent layer input", xs, cell.inputSize());
        batch = xs[0].rows();
        h0.require("recurrent layer initial state", batch, cell.hiddenSize(), cell.hasCellState());
        int seq = xs.length;
        stackedX = Sequences.stack(xs);
        Matrix[] inputGates = Sequences.split(gated.inputGates(stackedX), seq);   // every step's x · W_ihᵀ at once
        Matrix weightHhT = gated.recurrentWeight().transpose();
        List<Step> kept = new ArrayList<>(seq);
        Matrix[] outputs = new Matrix[seq];
        State state = h0;
        for (int t = 0; t < seq; t++) {
            Step step = gated.forward(xs[t], inputGates[t], state, weightHhT);
            kept.add(step);
            state = step.state();
            outputs[t] = state.h();
        }
        steps = kept;
        return new Recurrent.Output(outputs, state, Collections.unmodifiableList(kept));
    }

    Recurrent.Gradients backward(Matrix[] dOutputs, State dLast) {
        if (!(cell instanceof GateCell gated)) {
            return plain.backward(dOutputs, dLast);
        }
        int seq = steps.size();
        if (seq == 0) {
            throw new IllegalStateException("recurrent layer backward called before forward");
        }
        if (dOutputs != null && dOutputs.length != seq) {
            throw new IllegalArgumentException("recurrent layer backward: " + dOutputs.length
                    + " output gradients for a forward pass of " + seq + " steps");
        }
        int hidden = cell.hiddenSize();
        Matrix dInputGates = null;       // (seq * batch, gates): row block t is step t
        Matrix dRecurrentGates = null;
        Matrix hPrev = Matrix.zeros(seq * batch, hidden);
        State carried = dLast;
        for (int t = seq - 1; t >= 0; t--) {
            Matrix dOut = dOutputs == null ? null : dOutputs[t];
            State dState = dOut == null ? carried : State.of(dOut).plus(carried);
            if (dState == null) {
                dState = cell.zeroState(batch);
            }
            GateCell.GateGrad g = gated.backwardGates(steps.get(t), dState);
            if (dInputGates == null) {
                dInputGates = Matrix.zeros(seq * batch, g.dInputGates().cols());
                dRecurrentGates = g.dRecurrentGates() == g.dInputGates() ? dInputGates
                        : Matrix.zeros(seq * batch, g.dRecurrentGates().cols());
            }
            put(dInputGates, t, g.dInputGates());
            if (dRecurrentGates != dInputGates) {
                put(dRecurrentGates, t, g.dRecurrentGates());
            }
            put(hPrev, t, gated.previousH(steps.get(t)));
            carried = g.dPrev();
        }
        // The weight gradients Σ_t dG_tᵀ · (x_t, h_{t-1}) and every dx_t, a few steps per product: the matmul
        // kernel streams the whole right-hand operand once per output row, so its row count (steps x batch) is
        // kept near CHUNK_ROWS, where that operand stays in cache.
        Matrix[] dInputs = new Matrix[seq];
        int chunk = Math.max(1, CHUNK_ROWS / batch);
        for (int from = 0; from < seq; from += chunk) {
            int to = Math.min(seq, from + chunk);
            Matrix dRec = rows(dRecurrentGates, from, to);
            Matrix dIn = dRecurrentGates == dInputGates ? dRec : rows(dInputGates, from, to);
            gated.backwardRecurrentGates(rows(hPrev, from, to), dRec);
            Matrix dx = gated.backwardInputGates(rows(stackedX, from, to), dIn);
            System.arraycopy(Sequences.split(dx, to - from), 0, dInputs, from, to - from);
        }
        return new Recurrent.Gradients(dInputs, carried);
    }

    /** Rows of steps [from, to) of a (seq * batch, cols) matrix, copied. */
    private Matrix rows(Matrix stacked, int from, int to) {
        int width = stacked.cols() * batch;
        return Matrix.wrap((to - from) * batch, stacked.cols(),
                java.util.Arrays.copyOfRange(stacked.data(), from * width, to * width));
    }

    /** Copies a (batch, cols) step into row block t of a (seq * batch, cols) matrix. */
    private void put(Matrix stacked, int t, Matrix step) {
        int size = step.size();
        System.arraycopy(step.data(), 0, stacked.data(), t * size, size);
    }
}
