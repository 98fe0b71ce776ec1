package rnnbook.variants;

import rnnbook.nn.Cell;
import rnnbook.nn.Composite;
import rnnbook.nn.Recurrent;
import rnnbook.nn.Sequences;
import rnnbook.nn.State;
import rnnbook.tensor.Matrix;

/**
 * The Sliced RNN (Yu and Liu 2018): a sequence of length T is cut into n slices of length T / n; a lower RNN reads
 * every slice from a zero state, all slices at once; the slices' final hidden states, in order, form a sequence of
 * length n that a higher RNN reads. The lower level's n slices are independent, so they run as one batch n times
 * larger: T / n sequential steps instead of T, then n more for the higher level.
 * <pre>
 *   slice s = x_{s·L} .. x_{s·L + L - 1}          L = T / n
 *   z_s     = lower RNN over slice s, final h      (batch, lowerHidden)
 *   output  = higher RNN over z_0 .. z_{n-1}       outputs (n, batch, higherHidden) and final state
 * </pre>
 * <b>Why it is not a {@link Cell}:</b> a cell maps one step (x_t, state_{t-1}) to state_t, but here the state at
 * the start of a slice is zero rather than the previous step's: information crosses slice borders only through the
 * higher RNN. That is a change to how the sequence is cut and unrolled, so it is a module over two
 * {@link Recurrent}s, each with any cell (an LSTM, a variant, ...): parts {@code lower} and {@code higher}, so its
 * parameters are {@code lower.weight_ih_l0}, ..., {@code higher.bias_hh_l0}. {@link #forward} returns the
 * {@link Pass} that {@link #backward} takes, so passes may interleave.
 */
public final class SlicedRnn extends Composite {
    private final Recurrent lower;
    private final Recurrent higher;
    private final int slices;

    /**
     * One forward pass: the lower run over all slices at once (row s * batch + b of its step k is step k of slice
     * s of example b) and the higher run over the slices' summaries z_0 .. z_{n-1}.
     */
    public record Pass(Recurrent.Output lower, Recurrent.Output higher) {

        /** The higher RNN's h at each slice, (slices, batch, higherHidden). */
        public Matrix[] outputs() {
            return higher.outputs();
        }

        /** The higher RNN's final state. */
        public State last() {
            return higher.last();
        }
    }

    public SlicedRnn(Cell lowerCell, Cell higherCell, int slices) {
        if (slices < 1) {
            throw new IllegalArgumentException("SlicedRnn: need at least 1 slice, got " + slices);
        }
        if (higherCell.inputSize() != lowerCell.hiddenSize()) {
            throw new IllegalArgumentException("SlicedRnn: the higher cell reads the lower cell's hidden state of size "
                    + lowerCell.hiddenSize() + " but takes input of size " + higherCell.inputSize());
        }
        this.lower = register("lower", new Recurrent(lowerCell));
        this.higher = register("higher", new Recurrent(higherCell));
        this.slices = slices;
    }

    public int slices() {
        return slices;
    }

    /** xs (T, batch, input) with T divisible by the number of slices. */
    public Pass forward(Matrix[] xs) {
        Sequences.require("SlicedRnn input", xs, lower.cell().inputSize());
        if (xs.length % slices != 0) {
            throw new IllegalArgumentException("SlicedRnn: a sequence of " + xs.length + " steps does not cut into "
                    + slices + " equal slices; use a length that is a multiple of " + slices);
        }
        int sliceLength = xs.length / slices;
        // step k of the lower run holds step k of every slice: row s * batch + b is slice s, example b
        Matrix[] lowerInputs = new Matrix[sliceLength];
        for (int k = 0; k < sliceLength; k++) {
            Matrix[] sameStep = new Matrix[slices];
            for (int s = 0; s < slices; s++) {
                sameStep[s] = xs[s * sliceLength + k];
            }
            lowerInputs[k] = Sequences.stack(sameStep);
        }
        Recurrent.Output low = lower.forward(lowerInputs);
        Matrix[] summaries = Sequences.split(low.last().h(), slices);   // z_s, (batch, lowerHidden) each
        return new Pass(low, higher.forward(summaries));
    }

    /**
     * Backward over {@code pass} from dL/d(higher outputs) (the array or entries may be null) and dL/d(final higher
     * state) (or null); returns dL/dx_t for every step of the input.
     */
    public Matrix[] backward(Pass pass, Matrix[] dOutputs, State dLast) {
        Recurrent.Gradients high = higher.backward(pass.higher(), dOutputs, dLast);
        Matrix dz = Sequences.stack(high.dInputs());   // (slices * batch, lowerHidden): dL/d(each slice's last h)
        State dLowLast = lower.cell().hasCellState()
                ? new State(dz, Matrix.zeros(dz.rows(), dz.cols())) : State.of(dz);
        Recurrent.Gradients low = lower.backward(pass.lower(), null, dLowLast);
        int sliceLength = pass.lower().steps().size();
        Matrix[] dxs = new Matrix[slices * sliceLength];
        for (int k = 0; k < sliceLength; k++) {
            Matrix[] perSlice = Sequences.split(low.dInputs()[k], slices);
            for (int s = 0; s < slices; s++) {
                dxs[s * sliceLength + k] = perSlice[s];
            }
        }
        return dxs;
    }
}
